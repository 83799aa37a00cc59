package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages of the store: sign in, a stored result with the override beside the engine's score, the audit page. */
class StoreUiTest extends WebTest {
    static final String APPLICANT = "ui-applicant";
    static final String REVIEWER = "ui-reviewer";
    static final String AUDITOR = "ui-auditor";

    static String evaluationId;

    @BeforeEach
    void accounts() throws Exception {
        if (evaluationId == null) {
            account(APPLICANT, "APPLICANT");
            account(REVIEWER, "REVIEWER", "general");
            account(AUDITOR, "AUDITOR");
            evaluationId = json(send("POST", "/api/evaluations?program=general&suggestions=false", APPLICANT,
                    sample("green-textile-factory.json"))).get("evaluations").get(0).get("evaluationId").asString();
        }
    }

    private HttpResponse<String> form(String path, String page, Map<String, String> fields) throws Exception {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", m.group(1));
        StringBuilder body = new StringBuilder();
        all.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in from the English login page, answering the page the form leads to. */
    private HttpResponse<String> signInInEnglish(String user) throws Exception {
        return form("/login", get("/login?lang=en").body(), Map.of("username", user, "password", password(user)));
    }

    @Test
    void getStoredEvaluationWhenAnonymousShouldSendToTheLoginPage() throws Exception {
        var page = get("/evaluations/" + evaluationId + "?lang=en");
        assertThat(page.uri().getPath()).isEqualTo("/login");
        assertThat(page.body()).contains("id=\"login-form\"").doesNotContain("GT-2026-013");
    }

    @Test
    void signInWhenPasswordIsWrongShouldSaySo() throws Exception {
        var page = form("/login", get("/login?lang=en").body(), Map.of("username", APPLICANT, "password", "wrong"));
        assertThat(page.body()).contains("Wrong user name or password.");
    }

    @Test
    void getStoredEvaluationWhenReviewerAddsAnOverrideShouldShowItBesideTheEngineScore() throws Exception {
        assertThat(signInInEnglish(REVIEWER).body()).contains("Stored batches");
        var page = get("/evaluations/" + evaluationId + "?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"override-form\"", "No override: the engine&#39;s result stands.");
        var after = form("/evaluations/" + evaluationId + "/overrides", page.body(), Map.of("targetKind", "DIMENSION",
                "target", "greenTransformation", "ruleId", "GR-010", "newValue", "10",
                "justification", "GR-010: the saving is projected, not measured"));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("id=\"override-table\"", "<td class=\"num engine\">12</td>",
                "<td class=\"num reviewed\">10</td>", "GR-010: the saving is projected, not measured",
                "Engine total 46.5; after the overrides 44.5, Eligible (the engine&#39;s result is unchanged)");
        assertThat(after.body()).contains("<span class=\"big\" id=\"total\">46.5</span>");
    }

    @Test
    void postOverrideFormWhenJustificationIsShortShouldShowTheStoresMessage() throws Exception {
        signInInEnglish(REVIEWER);
        var page = get("/evaluations/" + evaluationId + "?lang=en");
        var after = form("/evaluations/" + evaluationId + "/overrides", page.body(), Map.of("targetKind", "DIMENSION",
                "target", "greenTransformation", "ruleId", "GR-010", "newValue", "10", "justification", "short"));
        // named by the form's label, not the request field
        assertThat(after.body()).contains("Justification: required, at least 10 characters saying why");
    }

    @Test
    void postOverrideFormWhenEligibilityIsGivenAsNoInChineseShouldRecordItAsFalse() throws Exception {
        String id = json(send("POST", "/api/evaluations?program=general&suggestions=false", APPLICANT,
                sample("green-textile-factory.json"))).get("evaluations").get(0).get("evaluationId").asString();
        signInInEnglish(REVIEWER);
        var page = get("/evaluations/" + id + "?lang=zh");
        var after = form("/evaluations/" + id + "/overrides", page.body(), Map.of("targetKind", "ELIGIBILITY",
                "target", "greenTransformation", "ruleId", "GT-030", "newValue", "否",
                "justification", "资质证明文件已过期，需补交后再认定"));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("<td class=\"num engine\">符合资格</td>", "<td class=\"num reviewed\">不符合资格</td>",
                "引擎总分 46.5；按复核调整后 46.5，不符合资格（引擎结果保持不变）");
        assertThat(json(send("GET", "/api/evaluations/" + id, REVIEWER, null)).at("/overrides/0/newValue").asString())
                .isEqualTo("false");
    }

    @Test
    void postOverrideFormWhenScoreIsTooHighInChineseShouldNameTheFieldByItsLabel() throws Exception {
        signInInEnglish(REVIEWER);
        var page = get("/evaluations/" + evaluationId + "?lang=zh");
        var after = form("/evaluations/" + evaluationId + "/overrides", page.body(), Map.of("targetKind", "DIMENSION",
                "target", "greenTransformation", "ruleId", "GR-010", "newValue", "16",
                "justification", "节能数据为预测值，尚未实测"));
        assertThat(after.body()).contains("<li>新值（得分；资格填“是”或“否”）：应为 0 到 15 之间的得分</li>");
    }

    @Test
    void getStoredEvaluationWhenApplicantIsNotTheSubmitterShouldShow404() throws Exception {
        account("ui-other", "APPLICANT");
        signInInEnglish("ui-other");
        var page = get("/evaluations/" + evaluationId + "?lang=en");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("no evaluation " + evaluationId).doesNotContain("GT-2026-013");
    }

    @Test
    void getStoredEvaluationWhenApplicantOwnsItShouldShowItWithoutTheOverrideForm() throws Exception {
        signInInEnglish(APPLICANT);
        var page = get("/evaluations/" + evaluationId + "?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("GT-2026-013", "id=\"overrides\"").doesNotContain("id=\"override-form\"",
                "id=\"replay-button\"");
    }

    @Test
    void postAssessWhenApplicantIsSignedInShouldStoreTheEvaluation() throws Exception {
        signInInEnglish(APPLICANT);
        var home = get("/?lang=en");
        var result = form("/assess", home.body(), Map.of("applicationId", "UI-1", "title", "t", "applicant.name", "a",
                "budget.total", "100", "budget.requested", "40"));
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.uri().getPath()).startsWith("/evaluations/");
        assertThat(result.body()).contains("Submitted by ui-applicant");
    }

    @Test
    void postEvaluateWhenSignedInWithABatchNameShouldStoreTheBatchUnderItsName() throws Exception {
        signInInEnglish(APPLICANT);
        var home = get("/?lang=en");
        assertThat(home.body()).contains("id=\"upload-name\"");
        Matcher m = CSRF.matcher(home.body());
        assertThat(m.find()).isTrue();
        String boundary = "pe-ui-name";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + m.group(1) + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n2026 首批通用专项\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"batch.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + sample("batch-with-rejected-applications.json") + "\r\n--"
                + boundary + "--\r\n";
        var result = HTTP.send(HttpRequest.newBuilder(uri("/evaluate?lang=en"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.uri().getPath()).startsWith("/batches/");
        assertThat(result.body()).contains("<h1>2026 首批通用专项</h1>");
        assertThat(get("/batches?lang=en").body()).contains("<td>2026 首批通用专项</td>");
    }

    @Test
    void auditPageWhenAuditorShouldVerifyAndReplay() throws Exception {
        signInInEnglish(AUDITOR);
        var audit = get("/audit?lang=en");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("Audit chain intact:");
        // tables with their headers, not a line of raw counts
        assertThat(audit.body()).containsPattern("<table id=\"counts\">\\s*<thead><tr><th>Records</th><th>How many</th>")
                .contains("<td>Panel records</td>", "<th>Submitted</th>", "<th>Programme</th>")
                .doesNotContain("override_record", "audit_log");
        var replay = form("/audit/replay", audit.body(), Map.of("evaluationId", evaluationId));
        assertThat(replay.body()).contains("Evaluation " + evaluationId + " replayed with ruleset sha256:", ": identical.");
    }

    @Test
    void auditPageWhenApplicantShouldBeForbidden() throws Exception {
        signInInEnglish(APPLICANT);
        var audit = get("/audit?lang=en");
        assertThat(audit.statusCode()).isEqualTo(403);
        assertThat(audit.body()).contains("Your account&#39;s role may not do this.");
    }

    @Test
    void postEvaluateWhenAnonymousShouldNeedNoTokenAndStoreNothing() throws Exception {
        var result = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(HttpRequest
                .newBuilder(uri("/assess")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("applicationId=A-1&title=t&applicant.name=a&budget.total=100"
                        + "&budget.requested=40")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.uri().getPath()).matches("/batches/[0-9a-f-]+/evaluations/0");
    }
}
