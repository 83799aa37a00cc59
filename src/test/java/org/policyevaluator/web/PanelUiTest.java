package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The panel in the pages, in Chinese: a reviewer scores an assigned application on its result page (a draft,
 * then submitted) and declares a conflict with another; the chair assigns (a conflict shown with its reason), records a consensus and draws the
 * funding line on the panel page. No English or raw codes on these pages.
 */
class PanelUiTest extends WebTest {
    static final String APPLICANT = "pu-applicant";
    static final String CHAIR = "pu-chair";
    static final String REVIEWER = "pu-reviewer";
    static final String TEXTILE = "pu-textile";

    /** Posts a page's form with its CSRF token, following the redirect. */
    HttpResponse<String> postForm(String pagePath, String action, List<String[]> fields) throws Exception {
        Matcher m = CSRF.matcher(get(pagePath).body());
        assertThat(m.find()).isTrue();
        StringBuilder body = new StringBuilder("_csrf=" + m.group(1));
        for (String[] f : fields) {
            body.append('&').append(URLEncoder.encode(f[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
        }
        return HTTP.send(HttpRequest.newBuilder(uri(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    String[] setUp() throws Exception {
        account(APPLICANT, "APPLICANT");
        account(CHAIR, "REVIEWER", "general");
        account(REVIEWER, "REVIEWER", "general");
        send("POST", "/api/users", ADMIN, "{\"username\": \"" + TEXTILE + "\", \"password\": \"" + password(TEXTILE)
                + "\", \"role\": \"REVIEWER\", \"programs\": [\"general\"], \"organisation\": {\"name\": \"绍兴绿纺科技有限公司\", "
                + "\"creditCode\": \"91330681MA2BW3L7XA\"}}");
        JsonNode stored = json(send("POST", "/api/evaluations?program=general&suggestions=false", APPLICANT, "["
                + sample("smart-factory-domestic-compute.json") + ", " + sample("green-textile-factory.json") + "]"));
        String batchId = stored.get("batchId").asString();
        send("POST", "/api/batches/" + batchId + "/chairs", ADMIN, "{\"reviewer\": \"" + CHAIR + "\"}");
        Map<String, String> ids = new LinkedHashMap<>();
        stored.get("evaluations").forEach(e -> ids.put(e.get("applicationId").asString(), e.get("evaluationId").asString()));
        return new String[] {batchId, ids.get("SF-2026-001"), ids.get("GT-2026-013")};
    }

    @Test
    void panelInThePagesFromAssignmentToTheFundingLineShouldWorkInChinese() throws Exception {
        String[] ids = setUp();
        String batchId = ids[0];
        String panelPath = "/batches/" + batchId + "/panel";
        List<String> pages = new ArrayList<>();

        signIn(CHAIR);
        HttpResponse<String> conflict = postForm(panelPath, panelPath + "/assignments", List.of(
                new String[] {"reviewer", TEXTILE}, new String[] {"applicationIds", "GT-2026-013"}));
        assertThat(conflict.body()).contains(TEXTILE + " 所在单位（绍兴绿纺科技有限公司）即申报“GT-2026-013”的申报单位，存在利益冲突");
        pages.add(conflict.body());
        HttpResponse<String> assigned = postForm(panelPath, panelPath + "/assignments", List.of(
                new String[] {"reviewer", REVIEWER}, new String[] {"applicationIds", "SF-2026-001"},
                new String[] {"applicationIds", "GT-2026-013"}));
        assertThat(assigned.body()).doesNotContain("id=\"panel-errors\"");
        assertThat(assigned.body()).contains(REVIEWER);

        // the reviewer, in a browser session of their own, scores on the result page: a draft first, then submitted
        PanelUiTest reviewer = new PanelUiTest();
        reviewer.port = port;
        reviewer.signIn(REVIEWER);
        String page = "/evaluations/" + ids[1];
        assertThat(reviewer.get(page).body()).contains("我的评审意见", "保存草稿", "提交评审意见");
        HttpResponse<String> draft = reviewer.postForm(page, page + "/review", List.of(new String[] {"dim.domesticCompute", "25"},
                new String[] {"action", "draft"}));
        assertThat(draft.body()).contains("已保存草稿，提交前可继续修改");
        HttpResponse<String> refused = reviewer.postForm(page, page + "/review", List.of(new String[] {"dim.domesticCompute", "26"},
                new String[] {"action", "submit"}));
        assertThat(refused.body()).contains("国产算力的得分应在 0 至 25 之间", "请给出关键核心技术的得分",
                "提交评审意见须给出推荐意见");
        HttpResponse<String> submitted = reviewer.postForm(page, page + "/review", List.of(
                new String[] {"dim.domesticCompute", "25"}, new String[] {"dim.keyTechnology", "17"},
                new String[] {"dim.greenTransformation", "12"}, new String[] {"dim.aiApplication", "20"},
                new String[] {"dim.innovationEcosystem", "6.5"}, new String[] {"recommendation", "FUND"},
                new String[] {"comment", "与系统评分一致"}, new String[] {"action", "submit"}));
        assertThat(submitted.body()).contains("提交，不能再修改", "资助", "80.5").doesNotContain("id=\"review-form\"");
        pages.add(submitted.body());

        // the other application: the reviewer declares a conflict from its page, and it is no longer theirs
        String other = "/evaluations/" + ids[2];
        assertThat(reviewer.get(other).body()).contains("声明利益冲突");
        HttpResponse<String> tooShort = reviewer.postForm(other, other + "/conflict", List.<String[]>of(
                new String[] {"reason", "亲戚"}));
        assertThat(tooShort.body()).contains("请说明利益冲突的理由（10 至 4000 个字符）");
        HttpResponse<String> declared = reviewer.postForm(other, other + "/conflict", List.<String[]>of(
                new String[] {"reason", "本人曾于 2025 年担任该公司技术顾问"}));
        assertThat(declared.uri().getPath()).isEqualTo("/batches");
        assertThat(declared.body()).contains("已声明利益冲突，该申报不再分配给你。");
        pages.add(declared.body());
        assertThat(reviewer.get(other).statusCode()).isEqualTo(404);

        // a second reviewer far from the first on the smart factory: the panel page marks the divergence
        account("pu-reviewer-2", "REVIEWER", "general");
        send("POST", "/api/batches/" + batchId + "/assignments", CHAIR, "{\"reviewer\": \"pu-reviewer-2\", "
                + "\"applicationIds\": [\"SF-2026-001\"]}");
        assertThat(send("PUT", "/api/evaluations/" + ids[1] + "/reviews/mine", "pu-reviewer-2", "{\"dimensions\": "
                + "{\"domesticCompute\": 20, \"keyTechnology\": 10, \"greenTransformation\": 10, \"aiApplication\": 15, "
                + "\"innovationEcosystem\": 5}, \"comment\": \"the compute plan is not yet contracted\", "
                + "\"recommendation\": \"RESERVE\", \"submit\": true}").statusCode()).isEqualTo(200);
        String divergent = get(panelPath).body(); // 80.5 and 60: 20.5 apart
        assertThat(divergent).contains("id=\"row-SF-2026-001\" class=\"divergent\"", "分歧", "20.5");
        pages.add(divergent);

        // the chair: consensus on the textile project, then the line under 2,500 万元
        HttpResponse<String> consensus = postForm(panelPath, panelPath + "/consensus", List.of(
                new String[] {"evaluationId", ids[2]}, new String[] {"dim.domesticCompute", "2"},
                new String[] {"dim.keyTechnology", "15"}, new String[] {"dim.greenTransformation", "10"},
                new String[] {"dim.aiApplication", "8"}, new String[] {"dim.innovationEcosystem", "4"},
                new String[] {"comment", "能耗数据为预测值，按试点项目计分"}));
        assertThat(consensus.body()).doesNotContain("id=\"panel-errors\"");
        assertThat(consensus.body()).contains("合议");
        HttpResponse<String> funding = postForm(panelPath, panelPath + "/funding", List.<String[]>of(new String[] {"budget", "2500"}));
        assertThat(funding.body()).contains("预算 2500 万元，已安排 2400 万元，余 100 万元", "SF-2026-001（2400）");
        assertThat(funding.body()).containsPattern("id=\"reserve\"><li>GT-2026-013</li>");
        pages.add(funding.body());

        // what users typed (account names, the applications' own ids and texts) and the policy's quotes may be in any script
        org.policyevaluator.TestSupport.RULES.catalogue().keySet().forEach(id -> org.policyevaluator.TestSupport.EVALUATOR
                .clauses(id).forEach(c -> ChinesePagesTest.tokens(c.quote(), ChinesePagesTest.ALLOWED)));
        json(send("GET", "/api/users", ADMIN, null)).forEach(a -> ChinesePagesTest.ALLOWED.add(a.get("username").asString()));
        for (String sample : List.of("smart-factory-domestic-compute.json", "green-textile-factory.json")) {
            ChinesePagesTest.typedWords(org.policyevaluator.intake.JsonIntake.mapper().readTree(sample(sample)),
                    ChinesePagesTest.ALLOWED);
        }
        for (String html : pages) {
            assertThat(ChinesePagesTest.latin(html)).isEmpty();
        }
    }
}
