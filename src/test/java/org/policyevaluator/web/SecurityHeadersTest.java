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
}
