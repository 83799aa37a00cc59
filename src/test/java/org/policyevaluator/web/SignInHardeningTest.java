package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Guessing passwords, and pages of other sites using a browser's remembered credentials, are refused. */
class SignInHardeningTest extends WebTest {

    private HttpResponse<String> batches(String user, String password) throws Exception {
        return PLAIN.send(HttpRequest.newBuilder(uri("/api/batches?lang=en")).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signInWhenTheAccountFailedFiveTimesShouldAnswer429WithRetryAfterEvenForTheRightPassword() throws Exception {
        account("hard-guessed", "APPLICANT");
        for (int i = 0; i < 4; i++) {
            assertThat(batches("hard-guessed", "wrong-guess-" + i).statusCode()).isEqualTo(401);
        }
        // a right password before the limit clears the count
        assertThat(batches("hard-guessed", password("hard-guessed")).statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(batches("Hard-Guessed", "wrong-guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = batches("hard-guessed", password("hard-guessed"));
        assertThat(locked.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(890L, 900L);
        assertThat(json(locked).get("detail").asString())
                .isEqualTo("too many failed sign-ins for this account or from this client: try again in " + retryAfter + " s");
        // another account from the same client is not locked by it
        account("hard-other", "APPLICANT");
        assertThat(batches("hard-other", password("hard-other")).statusCode()).isEqualTo(200);
    }

    @Test
    void loginFormWhenTheAccountIsLockedShouldSayWhenToTryAgainInChinese() throws Exception {
        account("hard-form", "APPLICANT");
        for (int i = 0; i < 5; i++) {
            batches("hard-form", "wrong-guess-" + i);
        }
        java.util.regex.Matcher m = CSRF.matcher(get("/login?lang=zh").body());
        assertThat(m.find()).isTrue();
        String body = "username=hard-form&password=" + password("hard-form") + "&_csrf=" + m.group(1);
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).containsPattern("登录失败次数过多，请 \\d+ 秒后再试。");
        assertThat(get("/batches").body()).doesNotContain("hard-form");
    }

    @Test
    void apiWhenAPageOfAnotherSitePostsWithRememberedCredentialsShouldAnswer403() throws Exception {
        account("hard-csrf", "APPLICANT");
        String credentials = Base64.getEncoder().encodeToString(("hard-csrf:" + password("hard-csrf")).getBytes(StandardCharsets.UTF_8));
        String boundary = "pe-cross-site";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + sample("green-textile-factory.json") + "\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder forged = HttpRequest.newBuilder(uri("/api/evaluations?lang=en"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        HttpResponse<String> byOrigin = PLAIN.send(forged.copy().header("Origin", "http://attacker.example").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byOrigin.statusCode()).isEqualTo(403);
        assertThat(json(byOrigin).get("detail").asString()).startsWith("a request from a page of another site is refused");
        HttpResponse<String> bySite = PLAIN.send(forged.copy().header("Sec-Fetch-Site", "cross-site").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bySite.statusCode()).isEqualTo(403);
        assertThat(json(send("GET", "/api/batches", "hard-csrf", null))).isEmpty();
        // a script (no Origin) and the application's own pages (same origin) are served
        HttpResponse<String> script = PLAIN.send(forged.copy().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        HttpResponse<String> same = PLAIN.send(forged.copy().header("Origin", "http://localhost:" + port)
                .header("Sec-Fetch-Site", "same-origin").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(same.statusCode()).isEqualTo(200);
    }
}
