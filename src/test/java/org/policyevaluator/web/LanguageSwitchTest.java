package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The UI's language switch words again what was evaluated, it never evaluates again: an in-memory batch keeps
 * its outcomes, a stored evaluation is worded from its stored outcome, and suggestions found once are kept.
 */
class LanguageSwitchTest extends WebTest {
    static final String APPLICANT = "ls-applicant";
    static final String TOTAL_46_5 = "<span class=\"big\" id=\"total\">46.5</span>";

    @Autowired
    Evaluations evaluations;

    @Autowired
    RecentBatches recent;

    static String finding(String ruleId, String title) {
        return "<td><code>" + ruleId + "</code><br><span>" + title + "</span></td>";
    }

    @Test
    void getResultWhenLangIsEnShouldWordTheInMemoryOutcomesInEnglishWithoutEvaluatingAgain() throws Exception {
        var zh = upload("/evaluate", "green-textile-factory.json", sample("green-textile-factory.json")
                .getBytes(StandardCharsets.UTF_8));
        String path = zh.uri().getPath();
        String id = path.split("/")[2];
        assertThat(zh.body()).contains(finding("GR-010", "节能降耗"), TOTAL_46_5);
        var run = recent.get(id).run();
        long before = evaluations.evaluated();

        var en = get(path + "?lang=en");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains(finding("GR-010", "Energy saving"), TOTAL_46_5, "Apply and re-score");
        assertThat(evaluations.evaluated()).isEqualTo(before);
        assertThat(recent.get(id).run()).isSameAs(run);
        assertThat(recent.get(id).lang()).isEqualTo("en");
    }

    @Test
    void getBatchRowWhenLangIsSwitchedShouldFindSuggestionsOnceAndOnlyWordThemAfterwards() throws Exception {
        var batch = upload("/evaluate", "batch.json", sample("batch-with-rejected-applications.json")
                .getBytes(StandardCharsets.UTF_8));
        String row = batch.uri().getPath() + "/evaluations/0";
        long before = evaluations.evaluated();
        var zh = get(row);
        assertThat(zh.body()).contains("采纳并重新评分");
        // opening a row of a batch finds its suggestions: one application assessed
        assertThat(evaluations.evaluated()).isEqualTo(before + 1);

        var en = get(row + "?lang=en");
        assertThat(en.body()).contains("Apply and re-score");
        assertThat(evaluations.evaluated()).isEqualTo(before + 1);
    }

    @Test
    void getResultWhenLangIsEnShouldWordTheStoredOutcomeInEnglish() throws Exception {
        account(APPLICANT, "APPLICANT");
        String evaluationId = json(send("POST", "/api/evaluations?program=general&suggestions=false", APPLICANT,
                sample("green-textile-factory.json"))).get("evaluations").get(0).get("evaluationId").asString();
        signIn(APPLICANT);
        var zh = get("/evaluations/" + evaluationId + "?lang=zh");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body()).contains(finding("GR-010", "节能降耗"), TOTAL_46_5, "<h2>得分明细</h2>");
        long before = evaluations.evaluated();

        var en = get("/evaluations/" + evaluationId + "?lang=en");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains(finding("GR-010", "Energy saving"), TOTAL_46_5, "<h2>Findings</h2>")
                .doesNotContain("节能降耗");
        // the stored result is shown as stored: the engine's score, no evaluation
        assertThat(evaluations.evaluated()).isEqualTo(before);
        assertThat(json(send("GET", "/api/evaluations/" + evaluationId, APPLICANT, null)).at("/evaluation/totalScore")
                .decimalValue()).isEqualByComparingTo("46.5");
    }


    @Test
    void getStoredBatchWhenLangIsSwitchedShouldWordItsRejectedApplicationsInThatLanguage() throws Exception {
        account(APPLICANT, "APPLICANT");
        var stored = json(send("POST", "/api/evaluations?program=general&suggestions=false&lang=en", APPLICANT,
                sample("batch-with-rejected-applications.json")));
        String batchId = stored.get("batchId").asString();
        // the batch's JSON gives them in the batch's language, paths kept for a client's tools
        assertThat(stored.at("/rejected/0/location").asString()).isEqualTo("$.applications[1]");
        assertThat(json(send("GET", "/api/batches/" + batchId, APPLICANT, null)).get("rejected"))
                .isEqualTo(stored.get("rejected"));
        signIn(APPLICANT);
        long before = evaluations.evaluated();

        var zh = get("/batches/" + batchId + "?lang=zh");
        assertThat(zh.body()).contains("<strong>请求正文 第 2 份申请</strong>",
                "<li><strong>训练算力国产占比</strong> <span>应为0 到 1 之间的比例（如 0.72 表示 72%），实际为1.5</span></li>")
                .doesNotContain("$.applications", "application 2");
        var en = get("/batches/" + batchId + "?lang=en");
        assertThat(en.body()).contains("<strong>request body application 2</strong>",
                "<li><strong>Training compute on domestic chips</strong> <span>")
                .doesNotContain("$.applications", "训练算力国产占比");
        assertThat(evaluations.evaluated()).isEqualTo(before);
    }
}
