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

    /** A multipart form post with {@code parts} small fields and a file of {@code fileBytes} bytes. */
    private HttpResponse<String> formPost(String path, int parts, int fileBytes) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            body.append("--b\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nx\r\n");
        }
        body.append("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n")
                .append(" ".repeat(fileBytes)).append("{}\r\n--b--\r\n");
        return PLAIN.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void postFormWhenTheUploadIsOverTheLimitOrInThousandsOfPartsShouldAnswer413Or400InChinese() throws Exception {
        // the pages read a parameter (the language) before the file: Tomcat takes the body apart there
        var large = formPost("/evaluate", 0, 1_100_000);
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).contains("上传内容超过 1 MB 的上限：请拆分批次后上传，或请运维人员调高上限");
        var parts = formPost("/evaluate", 5000, 10);
        assertThat(parts.statusCode()).isEqualTo(400);
        assertThat(parts.body()).contains("上传内容分段过多：每次请只上传一个申报文件");
        var apiParts = formPost("/api/evaluations", 5000, 10);
        assertThat(apiParts.statusCode()).isEqualTo(400);
        assertThat(json(apiParts).get("detail").asString()).isEqualTo("上传内容分段过多：每次请只上传一个申报文件");
        var apiLarge = formPost("/api/evaluations?lang=en", 0, 1_100_000);
        assertThat(apiLarge.statusCode()).isEqualTo(413);
        // what a normal form post gets is not refused by the limits
        var fine = formPost("/evaluate", 3, 10);
        assertThat(fine.statusCode()).isNotIn(413, 500);
        assertThat(fine.body()).doesNotContain("上传内容分段过多");
    }
}
