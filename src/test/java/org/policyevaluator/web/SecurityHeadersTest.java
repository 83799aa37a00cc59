package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import org.junit.jupiter.api.Test;

/** Spring Security's headers on pages and API answers; the Swagger UI without the script policy that would break it. */
class SecurityHeadersTest extends WebTest {
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    static void assertStrict(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue(CSP);
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void getPageShouldCarryTheSecurityHeaders() throws Exception {
        var page = get("/rules");
        assertThat(page.statusCode()).isEqualTo(200);
        assertStrict(page.headers());
    }

    @Test
    void getApiShouldCarryTheSecurityHeaders() throws Exception {
        var answer = get("/api/programs");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertStrict(answer.headers());
    }

    @Test
    void refusalOfTheApiFilterChainShouldCarryTheSecurityHeaders() throws Exception {
        var answer = send("GET", "/api/batches", null, null);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertStrict(answer.headers());
    }

    @Test
    void getSwaggerUiAndApiDocsShouldNotGetTheStrictScriptPolicy() throws Exception {
        for (String path : new String[] {"/swagger-ui/index.html", "/v3/api-docs"}) {
            var answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).isEmpty();
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
    }

    /** The cookies an answer sets, each as its Set-Cookie header. */
    private static java.util.List<String> cookies(HttpHeaders headers) {
        return headers.allValues("Set-Cookie");
    }

    @Test
    void pagesWhenViewedAnonymouslyShouldMakeNoServerSessionAndEveryCookieShouldBeSameSiteLax() throws Exception {
        var plain = java.net.http.HttpClient.newHttpClient(); // no redirects followed, no cookies kept
        for (String path : new String[] {"/", "/rules", "/login", "/batches", "/assess?lang=en"}) {
            var answer = plain.send(java.net.http.HttpRequest.newBuilder(uri(path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(cookies(answer.headers())).as(path).noneMatch(c -> c.startsWith("JSESSIONID="));
            assertThat(cookies(answer.headers())).as(path).allMatch(c -> c.contains("; SameSite=Lax"));
        }
        // the forms' token and the page to come back to are cookies instead
        var home = plain.send(java.net.http.HttpRequest.newBuilder(uri("/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(cookies(home.headers())).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
        var batches = plain.send(java.net.http.HttpRequest.newBuilder(uri("/batches")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(batches.statusCode()).isEqualTo(302);
        assertThat(cookies(batches.headers())).anyMatch(c -> c.startsWith("REDIRECT_URI="));
    }

    @Test
    void signInThroughTheFormShouldBeginASameSiteSessionAndReturnToThePageAskedFor() throws Exception {
        account("cookie-ana", "APPLICANT");
        var asked = get("/batches"); // follows to the login page, keeping the cookies
        assertThat(asked.uri().getPath()).isEqualTo("/login");
        java.util.regex.Matcher m = CSRF.matcher(asked.body());
        assertThat(m.find()).isTrue();
        var signedIn = HTTP.send(java.net.http.HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=cookie-ana&password="
                        + password("cookie-ana") + "&_csrf=" + m.group(1))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.uri().getPath()).isEqualTo("/batches");
        assertThat(signedIn.previousResponse().orElseThrow().headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("JSESSIONID=") && c.contains("; SameSite=Lax"));
    }
}
