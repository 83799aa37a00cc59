package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.store.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The store under load and faults, on loopback with bounded counts: 200 signed-in submissions at once on
 * H2 and on PostgreSQL, two nodes on one PostgreSQL at 150 each, and a server killed with SIGKILL in the
 * middle of a stream of submissions — every answered id is there after the restart and the log verifies.
 */
class StoreUnderLoadTest {
    static final String ROOT = "root:root-password-for-load";
    static final String ANA = "ana:ana-password-for-load";

    @TempDir
    Path tmp;

    private record Node(ConfigurableApplicationContext context, int port) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }
    }

    private static Node start(TestDatabases.Database db) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=", "--pe.security.bcrypt-strength=4", "--PE_ADMIN_USER=root",
                "--pe.audit.key-file=target/test-audit/" + Integer.toHexString(db.url().hashCode()) + "/audit-signing.key",
                "--PE_ADMIN_PASSWORD=root-password-for-load", "--logging.level.org.springframework.boot=WARN",
                "--logging.level.org.policyevaluator=WARN");
        return new Node(context, context.getEnvironment().getProperty("local.server.port", Integer.class));
    }

    static HttpResponse<String> send(HttpClient http, int port, String method, String path, String credentials,
                                     String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(120))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code count} submissions of one application each, all at once, spread over the nodes; the ids answered. */
    private static List<String> submitAtOnce(int count, int... ports) throws Exception {
        String body = WebTest.sample("green-textile-factory.json");
        ExecutorService pool = Executors.newFixedThreadPool(count);
        // the client keeps its own executor: the pool's threads all block in send()
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int port = ports[i % ports.length];
                calls.add(() -> send(http, port, "POST", "/api/evaluations?lang=en&suggestions=false", ANA, body));
            }
            List<String> ids = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() / 100 == 2) {
                    ids.add(JsonIntake.mapper().readTree(r.body()).get("evaluations").get(0).get("evaluationId").asString());
                } else {
                    failures.add(r.statusCode() + " " + r.body());
                }
            }
            assertThat(failures).as("every submission answered 200").isEmpty();
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void account(int port) throws Exception {
        HttpResponse<String> r = send(HttpClient.newHttpClient(), port, "POST", "/api/users", ROOT,
                "{\"username\": \"ana\", \"password\": \"ana-password-for-load\", \"role\": \"APPLICANT\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static JsonNode verify(int port) throws Exception {
        HttpResponse<String> r = send(HttpClient.newHttpClient(), port, "GET", "/api/audit/verify", ROOT, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonIntake.mapper().readTree(r.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void submissionsWhenTwoHundredSignedInUsersSubmitAtOnceShouldAllBeStoredAndTheLogVerified(String kind) throws Exception {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp); Node node = start(db)) {
            account(node.port());
            List<String> ids = submitAtOnce(200, node.port());
            assertThat(new HashSet<>(ids)).hasSize(200);
            JsonNode verified = verify(node.port());
            assertThat(verified.get("intact").asBoolean()).isTrue();
            assertThat(verified.get("entries").asInt()).isEqualTo(2 + 1 + 200 * 2); // two accounts, the ruleset, then a batch and its evaluation each
        }
    }

    @Test
    void submissionsWhenTwoNodesShareOnePostgresqlShouldAllBeStoredInOneVerifiedLog() throws Exception {
        try (TestDatabases.Database db = TestDatabases.postgres(); Node a = start(db); Node b = start(db)) {
            account(a.port());
            List<String> ids = submitAtOnce(300, a.port(), b.port());
            assertThat(new HashSet<>(ids)).hasSize(300);
            for (Node n : List.of(a, b)) {
                JsonNode verified = verify(n.port());
                assertThat(verified.get("intact").asBoolean()).isTrue();
                assertThat(verified.get("entries").asInt()).isEqualTo(2 + 1 + 300 * 2);
            }
        }
    }

    @Test
    void embeddedStoreWhenTheServerIsKilledMidStreamShouldKeepEverySubmissionItAnswered() throws Exception {
        Path dir = tmp.resolve("killed");
        java.nio.file.Files.createDirectories(dir);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = serve(dir, port);
        List<String> answered = new ArrayList<>();
        try {
            awaitUp(port);
            account(port);
            String body = WebTest.sample("green-textile-factory.json");
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> r = send(http, port, "POST", "/api/evaluations?suggestions=false", ANA, body);
                assertThat(r.statusCode()).isEqualTo(200);
                answered.add(JsonIntake.mapper().readTree(r.body()).get("evaluations").get(0).get("evaluationId").asString());
            }
        } finally {
            server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no final flush
        }
        TestDatabases.Database db = TestDatabases.h2(dir.resolve("data"));
        try (Node again = start(db)) {
            HttpClient http = HttpClient.newHttpClient();
            Set<String> missing = new HashSet<>();
            for (String id : answered) {
                if (send(http, again.port(), "GET", "/api/evaluations/" + id, ANA, null).statusCode() != 200) {
                    missing.add(id);
                }
            }
            assertThat(missing).as("answered with an id, lost after kill -9").isEmpty();
            assertThat(verify(again.port()).get("intact").asBoolean()).isTrue();
        }
    }

    /** {@code serve} in a JVM of its own, working in {@code dir} (its store is dir/data), on the port. */
    private static Process serve(Path dir, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.policyevaluator.cli.Main", "serve", "--server.port=" + port, "--pe.security.bcrypt-strength=4",
                "--PE_ADMIN_USER=root", "--PE_ADMIN_PASSWORD=root-password-for-load",
                "--logging.level.org.springframework.boot=WARN", "--logging.level.org.policyevaluator=WARN");
        pb.directory(dir.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("server.log").toFile());
        return pb.start();
    }

    private static void awaitUp(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not start on port " + port + " within 90 s");
    }
}
