package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.policyevaluator.intake.JsonIntake;
import tools.jackson.databind.JsonNode;

/**
 * The store behind the API, role by role: what each account may read, override, replay and verify.
 * One application of the programme "general" is stored by {@value #OWNER} for the whole class.
 */
class StoreApiTest extends WebTest {
    static final String OWNER = "sa-owner";
    static final String OTHER = "sa-other-applicant";
    static final String REVIEWER = "sa-reviewer-general";
    static final String STRANGER = "sa-reviewer-compute";
    static final String AUDITOR = "sa-auditor";
    static final String OVERRIDE = "{\"targetKind\": \"DIMENSION\", \"target\": \"greenTransformation\", \"ruleId\": "
            + "\"GR-010\", \"newValue\": \"10\", \"justification\": \"GR-010: the 22% saving is projected, not measured\"}";

    static String evaluationId;
    static String batchId;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void accountsAndOneStoredEvaluation() throws Exception {
        if (evaluationId != null) {
            return;
        }
        account(OWNER, "APPLICANT");
        account(OTHER, "APPLICANT");
        account(REVIEWER, "REVIEWER", "general");
        account(STRANGER, "REVIEWER", "compute");
        account(AUDITOR, "AUDITOR");
        JsonNode stored = json(send("POST", "/api/evaluations?program=general&suggestions=false", OWNER,
                sample("green-textile-factory.json")));
        batchId = stored.get("batchId").asString();
        evaluationId = stored.get("evaluations").get(0).get("evaluationId").asString();
    }

    private static String as(String who) {
        return who.equals("anonymous") ? null : who;
    }

    /** Every role against every endpoint of the store: the exact status, and a problem for every refusal. */
    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
        "GET,  /api/evaluations/{e}, anonymous, 401", "GET, /api/evaluations/{e}, sa-owner, 200",
        "GET,  /api/evaluations/{e}, sa-other-applicant, 404", "GET, /api/evaluations/{e}, sa-reviewer-general, 200",
        "GET,  /api/evaluations/{e}, sa-reviewer-compute, 404", "GET, /api/evaluations/{e}, sa-auditor, 200",
        "GET,  /api/evaluations/{e}, admin, 200",
        "GET,  /api/batches/{b}, anonymous, 401", "GET, /api/batches/{b}, sa-owner, 200",
        "GET,  /api/batches/{b}, sa-other-applicant, 404", "GET, /api/batches/{b}, sa-reviewer-general, 200",
        "GET,  /api/batches/{b}, sa-reviewer-compute, 404", "GET, /api/batches/{b}, sa-auditor, 200",
        "GET,  /api/batches/{b}, admin, 200",
        "GET,  /api/batches/{b}?format=xlsx, sa-other-applicant, 404",
        "GET,  /api/batches/{b}?format=xlsx, sa-reviewer-compute, 404",
        "GET,  /api/batches, anonymous, 401", "GET, /api/batches, sa-other-applicant, 200",
        "POST, /api/evaluations/{e}/replay, anonymous, 401", "POST, /api/evaluations/{e}/replay, sa-owner, 200",
        "POST, /api/evaluations/{e}/replay, sa-other-applicant, 404",
        "POST, /api/evaluations/{e}/replay, sa-reviewer-compute, 404", "POST, /api/evaluations/{e}/replay, sa-auditor, 200",
        "POST, /api/evaluations/{e}/overrides, anonymous, 401", "POST, /api/evaluations/{e}/overrides, sa-owner, 403",
        "POST, /api/evaluations/{e}/overrides, sa-other-applicant, 404",
        "POST, /api/evaluations/{e}/overrides, sa-reviewer-general, 201",
        "POST, /api/evaluations/{e}/overrides, sa-reviewer-compute, 404",
        "POST, /api/evaluations/{e}/overrides, sa-auditor, 403", "POST, /api/evaluations/{e}/overrides, admin, 201",
        "GET,  /api/audit/verify, anonymous, 401", "GET, /api/audit/verify, sa-owner, 403",
        "GET,  /api/audit/verify, sa-reviewer-general, 403", "GET, /api/audit/verify, sa-auditor, 200",
        "GET,  /api/audit/verify, admin, 200",
        "GET,  /api/users, anonymous, 401", "GET, /api/users, sa-owner, 403", "GET, /api/users, sa-reviewer-general, 403",
        "GET,  /api/users, sa-auditor, 403", "GET, /api/users, admin, 200",
        "POST, /api/users, sa-auditor, 403", "POST, /api/users, sa-reviewer-general, 403",
        "POST, /api/evaluations, sa-auditor, 403"})
    void storeEndpointsShouldAnswerEachRoleWithExactlyThisStatus(String method, String path, String who, int status)
            throws Exception {
        String body = path.endsWith("/overrides") ? OVERRIDE : path.equals("/api/users")
                ? "{\"username\": \"sa-never\", \"password\": \"long-enough\", \"role\": \"APPLICANT\"}"
                : path.equals("/api/evaluations") ? sample("green-textile-factory.json") : null;
        var response = send(method, path.replace("{e}", evaluationId).replace("{b}", batchId), as(who), body);
        assertThat(response.statusCode()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response).get("status").asInt()).isEqualTo(status);
        }
    }

    @Test
    void postEvaluationsWhenApplicantIsSignedInShouldStoreTheBatchWithTheSubmitter() throws Exception {
        JsonNode stored = json(send("GET", "/api/evaluations/" + evaluationId, OWNER, null));
        assertThat(stored.get("submittedBy").asString()).isEqualTo(OWNER);
        assertThat(stored.get("batchId").asString()).isEqualTo(batchId);
        assertThat(stored.get("inputSha256").asString()).matches("[0-9a-f]{64}");
        assertThat(stored.get("rulesetVersion").asString()).startsWith("sha256:")
                .isEqualTo(stored.get("evaluation").get("rulesetVersion").asString());
        assertThat(stored.get("evaluation").get("evaluationId").asString()).isEqualTo(evaluationId);
        assertThat(stored.get("evaluation").get("totalScore").decimalValue()).isEqualByComparingTo("46.5");
        assertThat(stored.get("input").get("applicationId").asString()).isEqualTo("GT-2026-013");
    }

    @Test
    void postEvaluationsWhenAnonymousShouldStoreNothing() throws Exception {
        int before = json(send("GET", "/api/batches", ADMIN, null)).size();
        JsonNode result = json(send("POST", "/api/evaluations", null, sample("green-textile-factory.json")));
        assertThat(result.has("batchId")).isFalse();
        assertThat(result.get("evaluations").get(0).has("evaluationId")).isFalse();
        assertThat(json(send("GET", "/api/batches", ADMIN, null)).size()).isEqualTo(before);
    }

    @Test
    void postEvaluationsWhenAuditorShouldReturn403WithoutStoring() throws Exception {
        var response = send("POST", "/api/evaluations?lang=en", AUDITOR, sample("green-textile-factory.json"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("detail").asString()).isEqualTo("an auditor reads, verifies and replays but does not "
                + "submit evaluations to be stored; sign out to self-assess without storing");
    }

    @Test
    void getEvaluationWhenApplicantIsNotTheSubmitterShouldReturn404() throws Exception {
        var response = send("GET", "/api/evaluations/" + evaluationId + "?lang=en", OTHER, null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("title").asString()).isEqualTo("Not found");
        assertThat(json(response).get("detail").asString()).isEqualTo("no evaluation " + evaluationId);
        assertThat(response.body()).doesNotContain("GT-2026-013", OWNER);
    }

    @Test
    void getEvaluationWhenIdDoesNotExistShouldReturnTheSame404AsForbiddenOnes() throws Exception {
        var response = send("GET", "/api/evaluations/no-such-id?lang=en", OWNER, null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("detail").asString()).isEqualTo("no evaluation no-such-id");
    }

    @Test
    void getEvaluationWhenAnonymousShouldReturn401AskingForBasicCredentials() throws Exception {
        var response = send("GET", "/api/evaluations/" + evaluationId + "?lang=en", null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"policy-evaluator\"");
        assertThat(json(response).get("detail").asString()).isEqualTo("sign in to use stored evaluations: send the user "
                + "name and password with HTTP Basic (curl -u user:password)");
    }

    @Test
    void getEvaluationWhenPasswordIsWrongShouldReturn401() throws Exception {
        var response = PLAIN.send(java.net.http.HttpRequest.newBuilder(uri("/api/evaluations/" + evaluationId))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((OWNER + ":wrong").getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void getBatchesWhenApplicantShouldListOnlyTheirOwn() throws Exception {
        assertThat(ids(json(send("GET", "/api/batches", OWNER, null)))).contains(batchId);
        assertThat(ids(json(send("GET", "/api/batches", OTHER, null)))).doesNotContain(batchId);
        assertThat(ids(json(send("GET", "/api/batches", STRANGER, null)))).doesNotContain(batchId);
        assertThat(ids(json(send("GET", "/api/batches", AUDITOR, null)))).contains(batchId);
    }

    @Test
    void getBatchWhenReviewerShouldSeeOnlyTheEvaluationsOfItsProgrammes() throws Exception {
        String apps = "[" + sample("green-textile-factory.json") + ", "
                + sample("smart-factory-domestic-compute.json").replace("\"program\": \"general\"", "\"program\": \"compute\"")
                + "]";
        JsonNode mixed = json(send("POST", "/api/evaluations", OWNER, apps));
        String id = mixed.get("batchId").asString();
        assertThat(mixed.get("evaluatedCount").asInt()).isEqualTo(2);

        JsonNode general = json(send("GET", "/api/batches/" + id, REVIEWER, null));
        assertThat(general.get("complete").asBoolean()).isFalse();
        assertThat(general.get("ranking")).hasSize(1);
        assertThat(general.get("ranking").get(0).get("program").asString()).isEqualTo("general");
        JsonNode compute = json(send("GET", "/api/batches/" + id, STRANGER, null));
        assertThat(compute.get("ranking")).hasSize(1);
        assertThat(compute.get("ranking").get(0).get("program").asString()).isEqualTo("compute");
        JsonNode owner = json(send("GET", "/api/batches/" + id, OWNER, null));
        assertThat(owner.get("complete").asBoolean()).isTrue();
        assertThat(owner.get("ranking")).hasSize(2);
    }

    @Test
    void postOverrideWhenReviewerOfTheProgrammeShouldKeepTheEngineResultAndShowTheOverrideBesideIt() throws Exception {
        String id = storeOne();
        var created = send("POST", "/api/evaluations/" + id + "/overrides", REVIEWER, OVERRIDE);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("engineValue").asString()).isEqualTo("12");

        JsonNode stored = json(send("GET", "/api/evaluations/" + id, OWNER, null));
        JsonNode engine = stored.get("evaluation");
        assertThat(engine.get("totalScore").decimalValue()).isEqualByComparingTo("46.5");
        assertThat(engine.get("dimensions").get(2).get("score").decimalValue()).isEqualByComparingTo("12");
        JsonNode o = stored.get("overrides").get(0);
        assertThat(o.get("reviewer").asString()).isEqualTo(REVIEWER);
        assertThat(o.get("target").asString()).isEqualTo("greenTransformation");
        assertThat(o.get("ruleId").asString()).isEqualTo("GR-010");
        assertThat(o.get("engineValue").asString()).isEqualTo("12");
        assertThat(o.get("newValue").asString()).isEqualTo("10");
        assertThat(stored.get("afterOverrides").get("totalScore").decimalValue()).isEqualByComparingTo(new BigDecimal("44.5"));
        assertThat(stored.get("afterOverrides").get("eligible").asBoolean()).isTrue();

        JsonNode verify = json(send("GET", "/api/audit/verify", AUDITOR, null));
        assertThat(verify.get("intact").asBoolean()).isTrue();
        JsonNode replay = json(send("POST", "/api/evaluations/" + id + "/replay", AUDITOR, null));
        assertThat(replay.get("identical").asBoolean()).isTrue();
    }

    @Test
    void postOverrideWhenReviewerOfAnotherProgrammeShouldReturn404() throws Exception {
        var response = send("POST", "/api/evaluations/" + evaluationId + "/overrides?lang=en", STRANGER, OVERRIDE);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("detail").asString()).isEqualTo("no evaluation " + evaluationId);
    }

    @Test
    void postOverrideWhenAuditorShouldReturn403() throws Exception {
        var response = send("POST", "/api/evaluations/" + evaluationId + "/overrides?lang=en", AUDITOR, OVERRIDE);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("detail").asString())
                .isEqualTo("an auditor may not override evaluations: auditors change nothing");
    }

    @Test
    void postOverrideWhenApplicantOwnsTheEvaluationShouldReturn403() throws Exception {
        var response = send("POST", "/api/evaluations/" + evaluationId + "/overrides?lang=en", OWNER, OVERRIDE);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("detail").asString())
                .isEqualTo("an applicant may not override evaluations: overrides are for the programme's reviewers");
    }

    @Test
    void postOverrideWhenJustificationIsTooShortShouldReturn400WithTheStoresMessage() throws Exception {
        var response = send("POST", "/api/evaluations/" + evaluationId + "/overrides?lang=en", REVIEWER,
                OVERRIDE.replace("GR-010: the 22% saving is projected, not measured", "because"));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid override");
        assertThat(errors(problem)).containsExactly("$.justification: required, at least 10 characters saying why");
    }

    @Test
    void postOverrideWhenRuleIsNotInTheEvaluationShouldReturn400() throws Exception {
        var response = send("POST", "/api/evaluations/" + evaluationId + "/overrides?lang=en", REVIEWER,
                OVERRIDE.replace("GR-010", "FL-070"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(json(response))).containsExactly("$.ruleId: FL-070 is not a finding or gate of this evaluation");
    }

    @Test
    void postOverrideWhenScoreIsAboveTheDimensionMaximumShouldReturn400() throws Exception {
        var response = send("POST", "/api/evaluations/" + evaluationId + "/overrides?lang=en", REVIEWER,
                OVERRIDE.replace("\"10\"", "\"16\""));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(json(response))).containsExactly("$.newValue: expected a score from 0 to 15");
    }

    @Test
    void postOverrideWhenFieldsAreMissingShouldReturn400ListingEach() throws Exception {
        var response = send("POST", "/api/evaluations/" + evaluationId + "/overrides?lang=en", REVIEWER,
                "{\"targetKind\": \"DIMENSION\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(json(response))).containsExactly("$.target: required", "$.ruleId: required", "$.newValue: required",
                "$.justification: required");
    }

    @Test
    void postOverrideWhenNoLanguageIsAskedShouldWordTheProblemInChineseAndKeepThePath() throws Exception {
        var response = send("POST", "/api/evaluations/" + evaluationId + "/overrides", REVIEWER,
                OVERRIDE.replace("\"10\"", "\"16\""));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("title").asString()).isEqualTo("复核调整无效");
        assertThat(problem.get("detail").asString()).isEqualTo("1 处问题：逐项见错误列表");
        assertThat(errors(problem)).containsExactly("$.newValue: 应为 0 到 15 之间的得分");
    }

    @Test
    void refusalsWhenNoLanguageIsAskedShouldBeWordedInChinese() throws Exception {
        var other = json(send("POST", "/api/evaluations/" + evaluationId + "/overrides", STRANGER, OVERRIDE));
        assertThat(other.get("title").asString()).isEqualTo("未找到");
        assertThat(other.get("detail").asString()).isEqualTo("没有编号为 " + evaluationId + " 的评估");
        var auditor = json(send("POST", "/api/evaluations/" + evaluationId + "/overrides", AUDITOR, OVERRIDE));
        assertThat(auditor.get("title").asString()).isEqualTo("无权操作");
        assertThat(auditor.get("detail").asString()).isEqualTo("审计员不能进行复核调整：审计员不做任何修改");
        var anonymous = json(send("GET", "/api/batches", null, null));
        assertThat(anonymous.get("title").asString()).isEqualTo("需要登录");
        assertThat(anonymous.get("detail").asString()).isEqualTo("请先登录再使用已保存的评估：每个请求都须以基本认证方式附带用户名和密码");
        var role = json(send("GET", "/api/users", OWNER, null));
        assertThat(role.get("detail").asString()).isEqualTo("您的账户角色无权进行此操作");
    }

    @Test
    void postUsersWhenNoLanguageIsAskedShouldNameTheProgrammesInChineseBesideTheirIds() throws Exception {
        var response = send("POST", "/api/users", ADMIN, "{\"username\": \"sa-r2\", \"password\": \"short\", "
                + "\"role\": \"REVIEWER\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("title").asString()).isEqualTo("账户信息无效");
        assertThat(errors(json(response))).containsExactly("$.password: 必填，至少 10 个字符",
                "$.programs: 审核人须指定所审核的项目类别，可选：general（通用人工智能创新项目）、compute（国产算力基础设施专项）、"
                        + "manufacturing（人工智能+制造专项）");
    }

    @Test
    void verifyWhenAnOverrideRowIsTamperedShouldNameThatOverride() throws Exception {
        String id = storeOne();
        String overrideId = json(send("POST", "/api/evaluations/" + id + "/overrides", REVIEWER, OVERRIDE))
                .get("overrideId").asString();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long seq = jdbc.queryForObject("SELECT seq FROM audit_log WHERE ref_id = ?", Long.class, overrideId);
        jdbc.update("UPDATE override_record SET new_value = '15' WHERE id = ?", overrideId);
        try {
            JsonNode report = json(send("GET", "/api/audit/verify", AUDITOR, null));
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("firstBroken").asString()).isEqualTo("override " + overrideId + " (chain entry " + seq + ")");
            assertThat(report.get("reason").asString()).isEqualTo("the record was altered after it was recorded");
        } finally {
            jdbc.update("UPDATE override_record SET new_value = '10' WHERE id = ?", overrideId);
        }
        assertThat(json(send("GET", "/api/audit/verify", AUDITOR, null)).get("intact").asBoolean()).isTrue();
    }

    @Test
    void getBatchWhenFormatIsXlsxShouldAddTheOverridesSheetBesideTheEngineSheets() throws Exception {
        String id = storeOne();
        send("POST", "/api/evaluations/" + id + "/overrides", REVIEWER, OVERRIDE);
        String batch = json(send("GET", "/api/evaluations/" + id, OWNER, null)).get("batchId").asString();
        HttpResponse<byte[]> response = getBytesAs("/api/batches/" + batch + "?format=xlsx", REVIEWER);
        assertThat(response.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(wb.getSheetName(0)).isEqualTo("排名 Ranking");
            assertThat(wb.getSheetName(1)).isEqualTo("复核调整 Overrides");
            Sheet sheet = wb.getSheet("复核调整 Overrides");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("GT-2026-013");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("greenTransformation");
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(12.0);
            assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(10.0);
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("GR-010: the 22% saving is projected, not measured");
        }
    }

    @Test
    void getBatchShouldListTheRankingWithTheStoredIds() throws Exception {
        JsonNode batch = json(send("GET", "/api/batches/" + batchId, OWNER, null));
        assertThat(batch.get("submittedBy").asString()).isEqualTo(OWNER);
        assertThat(batch.get("ranking").get(0).get("evaluationId").asString()).isEqualTo(evaluationId);
        assertThat(batch.get("ranking").get(0).get("rank").asInt()).isEqualTo(1);
    }

    @Test
    void postUsersWhenReviewerHasNoProgrammeShouldReturn400() throws Exception {
        var response = send("POST", "/api/users?lang=en", ADMIN, "{\"username\": \"sa-r\", \"password\": \"long-enough\", "
                + "\"role\": \"REVIEWER\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(json(response))).containsExactly(
                "$.programs: a reviewer needs the programmes it reviews, one of: general, compute, manufacturing");
    }

    @Test
    void postUsersWhenNameIsTakenShouldReturn409() throws Exception {
        var response = send("POST", "/api/users?lang=en", ADMIN, "{\"username\": \"" + OWNER + "\", \"password\": \"long-enough\", "
                + "\"role\": \"APPLICANT\"}");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("detail").asString()).isEqualTo("username: an account \"sa-owner\" exists already");
    }

    @Test
    void postUsersWhenTheNameDiffersOnlyInCaseShouldReturn409AndSignInShouldIgnoreCase() throws Exception {
        var response = send("POST", "/api/users?lang=en", ADMIN, "{\"username\": \"SA-Owner\", \"password\": \"long-enough\", "
                + "\"role\": \"APPLICANT\"}");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("detail").asString()).isEqualTo("username: an account \"sa-owner\" exists already");
        var upper = PLAIN.send(java.net.http.HttpRequest.newBuilder(uri("/api/batches")).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(("SA-OWNER:" + password(OWNER)).getBytes())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(upper.statusCode()).isEqualTo(200);
        var created = json(send("POST", "/api/users", ADMIN, "{\"username\": \"Sa-Mixed\", \"password\": \"long-enough\", "
                + "\"role\": \"APPLICANT\"}"));
        assertThat(created.get("username").asString()).isEqualTo("sa-mixed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12345678|$.password: required, at least 10 characters",
            "'          '|$.password: required, at least 10 characters",
            "1234567890123|$.password: too easy to guess (a common password, the user name, one or two distinct characters, or digits only): choose another",
            "Password123|$.password: too easy to guess (a common password, the user name, one or two distinct characters, or digits only): choose another",
            "abababababab|$.password: too easy to guess (a common password, the user name, one or two distinct characters, or digits only): choose another",
            "sa-weak-user|$.password: too easy to guess (a common password, the user name, one or two distinct characters, or digits only): choose another"})
    void postUsersWhenThePasswordIsWeakShouldReturn400SayingWhy(String password, String error) throws Exception {
        var response = send("POST", "/api/users?lang=en", ADMIN, "{\"username\": \"sa-weak-user\", \"password\": \""
                + password + "\", \"role\": \"APPLICANT\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(json(response))).containsExactly(error);
    }

    @Test
    void postUsersWhenThePasswordIsLongerThanBcryptReadsShouldReturn400() throws Exception {
        var response = send("POST", "/api/users?lang=zh", ADMIN, "{\"username\": \"sa-long-user\", \"password\": \""
                + "长".repeat(25) + "\", \"role\": \"APPLICANT\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(json(response))).containsExactly("$.password: 密码最长 72 个字节（约 24 个汉字或 72 个字母）");
    }

    @Test
    void getUsersWhenAdminCameFromTheEnvironmentShouldListAccountsWithoutPasswords() throws Exception {
        var response = send("GET", "/api/users", ADMIN, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode admin = null;
        for (JsonNode a : json(response)) {
            if (a.get("username").asString().equals(ADMIN)) {
                admin = a;
            }
        }
        assertThat(admin).isNotNull();
        assertThat(admin.get("role").asString()).isEqualTo("ADMIN");
        assertThat(admin.get("createdBy").asString()).isEqualTo("PE_ADMIN_USER");
        assertThat(response.body()).doesNotContain(password(OWNER), "bcrypt", "$2a$");
        String hash = new JdbcTemplate(dataSource).queryForObject("SELECT password_hash FROM account WHERE username = ?",
                String.class, OWNER);
        assertThat(hash).startsWith("{bcrypt}$2a$04$");
    }

    @Test
    void verifyWhenARoleIsRaisedInTheDatabaseShouldNameTheAccount() throws Exception {
        account("sa-escalates", "APPLICANT");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try {
            jdbc.update("UPDATE account SET role = 'ADMIN' WHERE username = 'sa-escalates'");
            JsonNode broken = json(send("GET", "/api/audit/verify", ADMIN, null));
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").asString()).startsWith("account sa-escalates (chain entry ");
            assertThat(broken.get("reason").asString()).isEqualTo("the record was altered after it was recorded");
        } finally {
            jdbc.update("UPDATE account SET role = 'APPLICANT' WHERE username = 'sa-escalates'");
        }
        assertThat(json(send("GET", "/api/audit/verify", ADMIN, null)).get("intact").asBoolean()).isTrue();
    }

    @Test
    void getProofWhenTheSubmitterAsksShouldProveTheEvaluationIsInTheSignedLog() throws Exception {
        String id = storeOne();
        var checkpoint = JsonIntake.mapper().readValue(send("GET", "/api/audit/checkpoint", OWNER, null).body(),
                org.policyevaluator.store.Checkpoint.class);
        assertThat(checkpoint.signatureValid()).isTrue();
        var response = send("GET", "/api/evaluations/" + id + "/proof", OWNER, null);
        assertThat(response.statusCode()).isEqualTo(200);
        var proof = JsonIntake.mapper().readValue(response.body(), org.policyevaluator.store.Checkpoint.InclusionProof.class);
        assertThat(proof.checkpoint().signatureValid()).isTrue();
        assertThat(proof.checkpoint().publicKey()).isEqualTo(checkpoint.publicKey());
        assertThat(org.policyevaluator.store.MerkleLog.verifyInclusion(org.policyevaluator.store.MerkleLog.leaf(proof.entryHash()),
                (int) proof.leafIndex(), (int) proof.checkpoint().treeSize(),
                proof.auditPath().stream().map(java.util.HexFormat.of()::parseHex).toList(),
                java.util.HexFormat.of().parseHex(proof.checkpoint().rootHash()))).isTrue();
        assertThat(send("GET", "/api/evaluations/" + id + "/proof", OTHER, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/audit/checkpoint", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void postOverrideWhenTheReviewerSubmittedTheApplicationShouldAnswer403() throws Exception {
        JsonNode own = json(send("POST", "/api/evaluations?program=general&suggestions=false", REVIEWER,
                sample("green-textile-factory.json")));
        String id = own.get("evaluations").get(0).get("evaluationId").asString();
        var refused = send("POST", "/api/evaluations/" + id + "/overrides?lang=en", REVIEWER, OVERRIDE);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("detail").asString())
                .isEqualTo("nobody may override an evaluation they submitted: another reviewer must");
        assertThat(json(send("GET", "/api/evaluations/" + id, REVIEWER, null)).get("overrides")).isEmpty();
    }

    @Test
    void postEvaluationsWithANameShouldStoreTheBatchUnderItAndRefuseANameTooLong() throws Exception {
        String name = URLEncoder.encode("2026 年第一批 通用专项", StandardCharsets.UTF_8);
        JsonNode stored = json(send("POST", "/api/evaluations?suggestions=false&name=" + name, OWNER,
                sample("green-textile-factory.json")));
        String batchId = stored.get("batchId").asString();
        assertThat(json(send("GET", "/api/batches/" + batchId, OWNER, null)).get("name").asString())
                .isEqualTo("2026 年第一批 通用专项");
        boolean listed = false;
        for (JsonNode b : json(send("GET", "/api/batches", OWNER, null))) {
            listed |= b.get("batchId").asString().equals(batchId) && b.get("name").asString().equals("2026 年第一批 通用专项");
        }
        assertThat(listed).isTrue();
        var tooLong = send("POST", "/api/evaluations?lang=en&name=" + "n".repeat(201), OWNER, sample("green-textile-factory.json"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(errors(json(tooLong))).containsExactly("name: a batch name has at most 200 characters and no control characters");
        assertThat(json(send("GET", "/api/audit/verify", ADMIN, null)).get("intact").asBoolean()).isTrue();
    }

    @Test
    void postOverrideWhenTheReviewerWorksForTheApplicantShouldAnswer403AndTheOrganisationShouldBeInTheLog()
            throws Exception {
        var created = send("POST", "/api/users?lang=en", ADMIN, "{\"username\": \"sa-reviewer-textile\", \"password\": \""
                + password("sa-reviewer-textile") + "\", \"role\": \"REVIEWER\", \"programs\": [\"general\"], "
                + "\"organisation\": {\"name\": \"绍兴绿纺科技有限公司\", \"creditCode\": \"91330681ma2bw3l7xa\"}}");
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        JsonNode listed = null;
        for (JsonNode a : json(send("GET", "/api/users", ADMIN, null))) {
            if (a.get("username").asString().equals("sa-reviewer-textile")) {
                listed = a;
            }
        }
        assertThat(listed.get("organisation").get("creditCode").asString()).isEqualTo("91330681MA2BW3L7XA");
        var refused = send("POST", "/api/evaluations/" + evaluationId + "/overrides?lang=en", "sa-reviewer-textile", OVERRIDE);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("detail").asString()).isEqualTo("nobody may override an application of their own "
                + "organisation (绍兴绿纺科技有限公司): a reviewer of another organisation must");
        var zh = send("POST", "/api/evaluations/" + evaluationId + "/overrides", "sa-reviewer-textile", OVERRIDE);
        assertThat(json(zh).get("detail").asString())
                .isEqualTo("不能复核调整本单位（绍兴绿纺科技有限公司）申报的项目：复核须由其他单位的审核人进行");
        // the organisation is part of the account's log entry: changing it in the database breaks the chain
        assertThat(json(send("GET", "/api/audit/verify", ADMIN, null)).get("intact").asBoolean()).isTrue();
    }

    @Test
    void postUserWhenTheOrganisationHasNoNameOrABadCreditCodeShouldAnswer400AtItsPath() throws Exception {
        var r = send("POST", "/api/users?lang=en", ADMIN, "{\"username\": \"sa-org-bad\", \"password\": \""
                + password("sa-org-bad") + "\", \"role\": \"REVIEWER\", \"programs\": [\"general\"], "
                + "\"organisation\": {\"name\": \" \", \"creditCode\": \"91330681MA2BW3L7XB\"}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errors(json(r))).containsExactly("$.organisation.name: the organisation needs a name of at most 200 characters",
                "$.organisation.creditCode: check character is 'B' but GB 32100-2015 gives 'A' for the first 17 characters");
    }

    @Test
    void postOverrideWhenReviewerAcceptsPendingEvidenceShouldReleaseItsPointsBesideTheEngineResult() throws Exception {
        JsonNode stored = json(send("POST", "/api/evaluations?program=general&suggestions=false", OWNER,
                sample("computing-centre-foreign-chips.json"))).get("evaluations").get(0);
        String id = stored.get("evaluationId").asString();
        assertThat(stored.get("totalScore").decimalValue()).isEqualByComparingTo("18");
        assertThat(stored.get("pending").get(0).get("ruleId").asString()).isEqualTo("DC-030");

        var notPending = send("POST", "/api/evaluations/" + id + "/overrides", REVIEWER, "{\"targetKind\": \"EVIDENCE\", "
                + "\"ruleId\": \"DC-050\", \"justification\": \"site visit confirmed the domestic cluster\"}");
        assertThat(notPending.statusCode()).isEqualTo(400);

        var accepted = send("POST", "/api/evaluations/" + id + "/overrides", REVIEWER, "{\"targetKind\": \"EVIDENCE\", "
                + "\"ruleId\": \"DC-030\", \"justification\": \"site visit: the centre runs Ascend cards too\"}");
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(json(accepted).get("newValue").asString()).isEqualTo("4");
        JsonNode after = json(send("GET", "/api/evaluations/" + id, OWNER, null));
        assertThat(after.get("evaluation").get("totalScore").decimalValue()).isEqualByComparingTo("18");
        assertThat(after.get("afterOverrides").get("totalScore").decimalValue()).isEqualByComparingTo("22");
    }

    private String storeOne() throws Exception {
        return json(send("POST", "/api/evaluations?program=general&suggestions=false", OWNER,
                sample("green-textile-factory.json"))).get("evaluations").get(0).get("evaluationId").asString();
    }

    private static List<String> ids(JsonNode batches) {
        List<String> ids = new ArrayList<>();
        batches.forEach(b -> ids.add(b.get("batchId").asString()));
        return ids;
    }

    static List<String> errors(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("location").asString() + ": " + e.get("message").asString()));
        return out;
    }
}
