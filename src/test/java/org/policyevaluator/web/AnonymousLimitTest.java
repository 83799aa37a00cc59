package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Anonymous evaluation is bounded per client; signed-in submissions are not bounded by it. */
class AnonymousLimitTest {

    /** A clock the test moves. */
    static final class Hand extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    /** A server of its own on a free port and an in-memory store named {@code name}, with {@code settings} besides. */
    static org.springframework.context.ConfigurableApplicationContext server(String name, String... settings) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--PE_ADMIN_USER=root", "--PE_ADMIN_PASSWORD=root-password-for-limit", "--pe.security.bcrypt-strength=4",
                "--pe.audit.key-file=target/test-audit/" + name + "/audit-signing.key",
                "--logging.level.org.springframework.boot=WARN", "--logging.level.org.policyevaluator=WARN"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(WebApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void bucketWhenEmptiedShouldRefuseUntilItRefillsAndKeepClientsApart() {
        Hand clock = new Hand();
        AnonymousLimit limit = new AnonymousLimit(6, 100, clock); // one every 10 s
        for (int i = 0; i < 6; i++) {
            assertThat(limit.retryAfter("10.0.0.1")).isZero();
        }
        assertThat(limit.retryAfter("10.0.0.1")).isEqualTo(10);
        assertThat(limit.retryAfter("10.0.0.2")).isZero();
        clock.millis += 9_000;
        assertThat(limit.retryAfter("10.0.0.1")).isEqualTo(1);
        clock.millis += 1_000;
        assertThat(limit.retryAfter("10.0.0.1")).isZero();
        assertThat(limit.retryAfter("10.0.0.1")).isEqualTo(10);
    }

    @Test
    void anonymousEvaluationsWhenOverTheLimitShouldAnswer429WithRetryAfterInChinese() throws Exception {
        var context = server("anonymous-limit", "--pe.web.anonymous.per-minute=3");
        try {
            int port = context.getEnvironment().getProperty("local.server.port", Integer.class);
            HttpClient http = HttpClient.newHttpClient();
            String body = Files.readString(Path.of("samples", "green-textile-factory.json"));
            HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/evaluations?suggestions=false"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            for (int i = 0; i < 3; i++) {
                assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = http.send(post, HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("20");
            assertThat(refused.body()).contains("未登录时本机的评估请求过于频繁，请 20 秒后再试，或登录后提交");
            // a signed-in submission is the submitter's, not the anonymous client's
            HttpRequest signedIn = HttpRequest.newBuilder(post, (n, v) -> true).header("Authorization", "Basic "
                    + java.util.Base64.getEncoder().encodeToString("root:root-password-for-limit".getBytes())).build();
            assertThat(http.send(signedIn, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            context.close();
        }
    }

    @Test
    void requestsInWorkWhenAClientHasTheMostAtOnceShouldAdmitNoMoreUntilOneLeaves() {
        AnonymousLimit limit = new AnonymousLimit(100, 2, new Hand());
        assertThat(limit.enter("10.0.0.1")).isTrue();
        assertThat(limit.enter("10.0.0.1")).isTrue();
        assertThat(limit.enter("10.0.0.1")).isFalse();
        assertThat(limit.enter("10.0.0.2")).isTrue();
        limit.leave("10.0.0.1");
        assertThat(limit.enter("10.0.0.1")).isTrue();
        assertThat(limit.enter("10.0.0.1")).isFalse();
    }

    /** Opens a request that announces a body of 100,000 bytes and sends it a few bytes at a time, as slowloris does. */
    static final class Trickle implements AutoCloseable {
        final java.net.Socket socket;
        final Thread sender;

        Trickle(int port) throws Exception {
            socket = new java.net.Socket("127.0.0.1", port);
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/evaluations?suggestions=false HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n[").getBytes());
            out.flush();
            sender = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        Thread.sleep(100);
                        out.write("    ".getBytes());
                        out.flush();
                    }
                } catch (Exception closed) {
                    // the server refused the body and closed, or the test ended
                }
            });
            sender.start();
        }

        /** The server's answer, up to the connection's end: it closes the connection rather than read the rest. */
        String answer() throws Exception {
            var in = socket.getInputStream();
            var out = new java.io.ByteArrayOutputStream();
            try {
                in.transferTo(out);
            } catch (java.net.SocketException reset) {
                // closed with the trickle still arriving: what came before the reset is the answer
            }
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws Exception {
            sender.interrupt();
            socket.close();
        }
    }

    @Test
    void anonymousRequestWhenItsBodyTricklesShouldBeRefused408AndOnlyAFewAtOnceShouldBeAdmitted() throws Exception {
        var context = server("anonymous-slow", "--pe.web.upload-grace=2s", "--pe.web.anonymous.concurrent=2");
        try {
            int port = context.getEnvironment().getProperty("local.server.port", Integer.class);
            HttpClient http = HttpClient.newHttpClient();
            String body = Files.readString(Path.of("samples", "green-textile-factory.json"));
            HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/evaluations?suggestions=false"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            try (Trickle first = new Trickle(port); Trickle second = new Trickle(port)) {
                Thread.sleep(500); // both are reading their bodies by now
                HttpResponse<String> third = http.send(post, HttpResponse.BodyHandlers.ofString());
                assertThat(third.statusCode()).isEqualTo(429);
                assertThat(third.body()).contains("未登录时本机同时进行的评估请求过多：请等已提交的请求完成后再试，或登录后提交");
                // 40 bytes a second is far below 8 KB: refused once the grace of 2 s is over
                String answer = first.answer();
                assertThat(answer).startsWith("HTTP/1.1 408");
                assertThat(answer).contains("上传速度过慢：开始 2 秒后平均每秒不足 8 KB，已中止，请在网络通畅时重试");
                assertThat(second.answer()).startsWith("HTTP/1.1 408");
                assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(10);
            }
            // their threads are free again
            assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            context.close();
        }
    }
}
