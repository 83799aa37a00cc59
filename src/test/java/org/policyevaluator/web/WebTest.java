package org.policyevaluator.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.policyevaluator.intake.JsonIntake;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The web application on a random port, shared by every web test class (same configuration, so one
 * Spring context for all). Uploads are limited to 1 MB here so that the 413 is cheap to provoke.
 */
@SpringBootTest(classes = WebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pe.web.max-upload=1MB", "logging.level.org.springframework.boot=WARN",
                "PE_ADMIN_USER=" + WebTest.ADMIN, "PE_ADMIN_PASSWORD=" + WebTest.ADMIN_PASSWORD, "pe.security.bcrypt-strength=4",
                // every test signs in from 127.0.0.1: the per-client limit is tried on its own (SignInThrottleTest)
                "pe.security.sign-in.max-client-failures=100000", "pe.web.anonymous.per-minute=100000", "pe.audit.key-file=target/test-audit/audit-signing.key",
                "spring.datasource.url=jdbc:h2:mem:webtest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
abstract class WebTest {
    /** The first admin, as PE_ADMIN_USER and PE_ADMIN_PASSWORD would give it. */
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    /** Per test: keeps the language cookie across the UI's redirects, and no test sees another's. */
    final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .cookieHandler(new java.net.CookieManager()).build();

    /** The CSRF token a page's form carries. */
    static final java.util.regex.Pattern CSRF = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Signs in through the login form, so that this test's client carries the session. */
    void signIn(String user) throws Exception {
        java.util.regex.Matcher m = CSRF.matcher(get("/login").body());
        org.assertj.core.api.Assertions.assertThat(m.find()).isTrue();
        String body = "username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + java.net.URLEncoder.encode(password(user), StandardCharsets.UTF_8) + "&_csrf=" + m.group(1);
        HTTP.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** No cookies: API calls sign in with every request. */
    static final HttpClient PLAIN = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String path, String filename, byte[] content) throws IOException, InterruptedException {
        String boundary = "pe-test-boundary-7f3a";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request signed in with HTTP Basic as {@code user} (password: {@link #password}), or anonymous when null. */
    HttpResponse<String> send(String method, String path, String user, String jsonBody) throws IOException,
            InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method, jsonBody == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        if (user != null) {
            String credentials = user + ":" + (user.equals(ADMIN) ? ADMIN_PASSWORD : password(user));
            b.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return PLAIN.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytesAs(String path, String user) throws IOException, InterruptedException {
        String credentials = user + ":" + (user.equals(ADMIN) ? ADMIN_PASSWORD : password(user));
        return PLAIN.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String password(String user) {
        return "pw-" + user + "-secret";
    }

    /** Creates an account through the admin API unless it exists. */
    void account(String user, String role, String... programs) throws IOException, InterruptedException {
        var r = send("POST", "/api/users", ADMIN, "{\"username\": \"" + user + "\", \"password\": \"" + password(user)
                + "\", \"role\": \"" + role + "\", \"programs\": " + JsonIntake.mapper().writeValueAsString(programs) + "}");
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("account " + user + ": " + r.statusCode() + " " + r.body());
        }
    }

    static String sample(String name) throws IOException {
        return Files.readString(Path.of("samples", name), StandardCharsets.UTF_8);
    }

    /** POST /api/evaluations (en, no suggestions) as {@code user} (anonymous when null), with headers as name, value pairs. */
    HttpResponse<String> submit(String user, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/evaluations?lang=en&suggestions=false"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password(user))
                    .getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return PLAIN.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The submission's status once it is no longer RUNNING (bounded: 30 s). */
    JsonNode finished(String location, String user) throws Exception {
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> r = send("GET", location, user, null);
            org.assertj.core.api.Assertions.assertThat(r.statusCode()).isEqualTo(200);
            JsonNode s = json(r);
            if (!s.get("status").asString().equals("RUNNING")) {
                return s;
            }
            org.assertj.core.api.Assertions.assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
            Thread.sleep(100);
        }
        throw new AssertionError("still running after 30 s: " + location);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonIntake.mapper().readTree(response.body());
    }
}
