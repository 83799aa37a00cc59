package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every limit a request can reach is a 4xx problem that says where, never a 500. */
class RequestLimitsTest extends WebTest {
    static final String USER = "limits-applicant";
    static final String REVIEWER = "limits-reviewer";

    @BeforeEach
    void accounts() throws Exception {
        account(USER, "APPLICANT");
        account(REVIEWER, "REVIEWER", "general");
    }

    @Test
    void getEvaluationWhenTheIdIsFarTooLongShouldAnswer404() throws Exception {
        var r = send("GET", "/api/evaluations/" + "x".repeat(300) + "?lang=en", USER, null);
        assertThat(r.statusCode()).isEqualTo(404);
        var b = send("GET", "/api/batches/" + "y".repeat(5000) + "?lang=en", USER, null);
        assertThat(b.statusCode()).isEqualTo(404);
    }

    @Test
    void postEvaluationsWhenATextHoldsANulOrALoneSurrogateShouldAnswer400AtItsPath() throws Exception {
        String app = sample("green-textile-factory.json");
        var nul = send("POST", "/api/evaluations?lang=en", USER, app.replace("\"title\": \"", "\"title\": \"a\\u0000b"));
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        assertThat(nul.body()).contains("$.title");
        var surrogate = send("POST", "/api/evaluations?lang=en", USER, app.replace("\"title\": \"", "\"title\": \"\\ud800x"));
        assertThat(surrogate.statusCode()).as(surrogate.body()).isEqualTo(400);
        assertThat(surrogate.body()).contains("$.title");
    }

    @Test
    void postEvaluationsWhenTheMultipartBodyIsTruncatedShouldAnswer400() throws Exception {
        String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n{\"applicationId\"";
        var r = PLAIN.send(HttpRequest.newBuilder(uri("/api/evaluations?lang=en"))
                .header("Content-Type", "multipart/form-data; boundary=b").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    }

    @Test
    void postOverrideWhenTheValueOrJustificationIsOutOfBoundsShouldAnswer400() throws Exception {
        String id = json(send("POST", "/api/evaluations?program=general&suggestions=false", USER,
                sample("green-textile-factory.json"))).get("evaluations").get(0).get("evaluationId").asString();
        var huge = send("POST", "/api/evaluations/" + id + "/overrides?lang=en", REVIEWER, "{\"targetKind\": \"DIMENSION\", "
                + "\"target\": \"greenTransformation\", \"ruleId\": \"GR-010\", \"newValue\": \"1" + "0".repeat(40)
                + "\", \"justification\": \"the audit report gives a lower figure\"}");
        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(400);
        var longText = send("POST", "/api/evaluations/" + id + "/overrides?lang=en", REVIEWER, "{\"targetKind\": \"DIMENSION\", "
                + "\"target\": \"greenTransformation\", \"ruleId\": \"GR-010\", \"newValue\": \"10\", \"justification\": \""
                + "j".repeat(20_000) + "\"}");
        assertThat(longText.statusCode()).as(longText.body()).isEqualTo(400);
        var ruleId = send("POST", "/api/evaluations/" + id + "/overrides?lang=en", REVIEWER, "{\"targetKind\": \"DIMENSION\", "
                + "\"target\": \"greenTransformation\", \"ruleId\": \"" + "R".repeat(500) + "\", \"newValue\": \"10\", "
                + "\"justification\": \"the audit report gives a lower figure\"}");
        assertThat(ruleId.statusCode()).as(ruleId.body()).isEqualTo(400);
    }
}
