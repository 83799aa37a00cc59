package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.store.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The web application started twice on the same database, as {@code serve} would be: what was stored
 * before the restart is read back, replays identically and the chain verifies — on H2 in file mode and
 * on the PostgreSQL server. Also the first admin: generated and printed once, never again.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private record Server(ConfigurableApplicationContext context, int port) implements AutoCloseable {
        HttpResponse<String> send(String method, String path, String credentials, String json) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static Server start(TestDatabases.Database db, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=",
                "--pe.security.bcrypt-strength=4", "--logging.level.org.springframework.boot=WARN",
                "--pe.audit.key-file=target/test-audit/" + Integer.toHexString(db.url().hashCode()) + "/audit-signing.key",
                "--logging.level.org.policyevaluator=WARN"));
        args.addAll(List.of(more));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApplication.class).run(args.toArray(String[]::new));
        return new Server(context, context.getEnvironment().getProperty("local.server.port", Integer.class));
    }

    private static JsonNode json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return JsonIntake.mapper().readTree(r.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void evaluationWhenTheServerRestartsShouldBeReadBackReplayedIdenticallyAndVerifiedIntact(String kind) throws Exception {
        String[] admin = {"--PE_ADMIN_USER=root", "--PE_ADMIN_PASSWORD=root-password"};
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp)) {
            String id;
            JsonNode before;
            try (Server first = start(db, admin)) {
                json(first.send("POST", "/api/users", "root:root-password",
                        "{\"username\": \"ana\", \"password\": \"ana-password\", \"role\": \"APPLICANT\"}"));
                JsonNode result = json(first.send("POST", "/api/evaluations?lang=en", "ana:ana-password",
                        WebTest.sample("green-textile-factory.json")));
                before = result.get("evaluations").get(0);
                id = before.get("evaluationId").asString();
            }
            try (Server second = start(db, admin)) {
                JsonNode stored = json(second.send("GET", "/api/evaluations/" + id, "ana:ana-password", null));
                assertThat(stored.get("evaluation")).isEqualTo(before);
                assertThat(stored.get("submittedBy").asString()).isEqualTo("ana");
                JsonNode replay = json(second.send("POST", "/api/evaluations/" + id + "/replay", "root:root-password", null));
                assertThat(replay.get("identical").asBoolean()).isTrue();
                assertThat(replay.get("differences")).isEmpty();
                JsonNode verify = json(second.send("GET", "/api/audit/verify", "root:root-password", null));
                assertThat(verify.get("intact").asBoolean()).isTrue();
                assertThat(verify.get("entries").asInt()).isEqualTo(5); // two accounts, ruleset, batch, evaluation
                JsonNode users = json(second.send("GET", "/api/users", "root:root-password", null));
                assertThat(users).hasSize(2); // the admin was not made twice
            }
        }
    }

    @Test
    void serveWhenNoAdminIsConfiguredShouldPrintAGeneratedPasswordOnceAndNotOnTheSecondStart(CapturedOutput output)
            throws Exception {
        TestDatabases.Database db = TestDatabases.h2(tmp.resolve("h2"));
        String[] none = {"--PE_ADMIN_USER=", "--PE_ADMIN_PASSWORD="};
        try (Server first = start(db, none)) {
            Matcher m = Pattern.compile("No administrator account existed: created \"admin\" with the password\\R\\R    (\\S+)")
                    .matcher(output.getOut());
            assertThat(m.find()).as(output.getOut()).isTrue();
            String password = m.group(1);
            assertThat(password).hasSize(24);
            assertThat(first.send("GET", "/api/users", "admin:" + password, null).statusCode()).isEqualTo(200);
        }
        int printed = output.getOut().length();
        try (Server second = start(db, none)) {
            assertThat(output.getOut().substring(printed)).doesNotContain("No administrator account existed");
            assertThat(second.send("GET", "/api/users", "admin:wrong", null).statusCode()).isEqualTo(401);
        }
    }
}
