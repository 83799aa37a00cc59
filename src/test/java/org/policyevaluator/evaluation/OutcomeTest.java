package org.policyevaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyevaluator.TestSupport.EVALUATOR;
import static org.policyevaluator.TestSupport.bind;
import static org.policyevaluator.TestSupport.with;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.report.JsonReport;

/** What the engine decides is kept without words: ids, points and values, worded only when written. */
class OutcomeTest {

    private static Outcome sample() {
        return EVALUATOR.assess(bind(with("techAreas", List.of("FOUNDATION_MODEL"), "compute.chips",
                TestSupport.chips("NVIDIA H100", 64), "compute.trainingDomesticShare", 0.8, "green.dataCenterPue", 1.4)),
                "general");
    }

    @Test
    void outcomeShouldHoldNoWordsOfEitherLanguage() {
        String json = JsonReport.compact(sample());
        // rule ids, codes, field paths and numbers: no title, reason or message
        assertThat(json).contains("\"ruleId\":\"GR-030\"", "\"green.dataCenterPue\":1.4", "\"KT-030\"")
                .doesNotContain("PUE 1.4", "数据中心", "Data-centre", "\"reason\"", "\"message\"", "\"text\"", "foreign)");
        assertThat(json.codePoints().filter(c -> c >= 0x4E00 && c <= 0x9FFF).count())
                .as("no Chinese beyond the application's own title and applicant").isEqualTo(
                        ("测试项目" + "测试公司").codePoints().count());
    }

    @Test
    void renderShouldWordTheSameOutcomeInEitherLanguageAndAfterARoundTrip() {
        Outcome o = sample();
        Outcome back = JsonReport.mapper().readValue(JsonReport.compact(o), Outcome.class);
        for (String lang : List.of("zh", "en")) {
            assertThat(JsonReport.toJson(EVALUATOR.renderer().render(back, lang)))
                    .isEqualTo(JsonReport.toJson(EVALUATOR.renderer().render(o, lang)));
        }
        Evaluation zh = EVALUATOR.renderer().render(o, "zh");
        Evaluation en = EVALUATOR.renderer().render(o, "en");
        assertThat(zh.totalScore()).isEqualTo(en.totalScore());
        assertThat(TestSupport.finding(zh, "GR-030").orElseThrow().reason()).isEqualTo("数据中心PUE 1.4，达到 ≤1.5 档，得 1 分");
        assertThat(TestSupport.finding(en, "GR-030").orElseThrow().reason())
                .isEqualTo("Data-centre PUE 1.4, reaching the <= 1.5 band (+1)");
        assertThat(zh.suggestions()).isNotEmpty().allSatisfy(s -> assertThat(s.text()).startsWith("将“"));
        // the inventory in a flag is worded too: no English on a Chinese screen
        assertThat(TestSupport.flag(zh, "FL-010").orElseThrow().message()).contains("NVIDIA H100*64（进口）");
        assertThat(TestSupport.flag(en, "FL-010").orElseThrow().message()).contains("NVIDIA H100*64 (foreign)");
        assertThat(en.suggestions()).allSatisfy(s -> assertThat(s.text()).startsWith("Set \""));
    }

    @Test
    void renderWithoutWhyNotShouldLeaveOnlyTheWhyNotOut() {
        Outcome o = sample();
        Evaluation whole = EVALUATOR.renderer().render(o, 1, List.of(), "zh", true);
        Evaluation printed = EVALUATOR.renderer().render(o, 1, List.of(), "zh", false);
        assertThat(whole.whyNot()).isNotEmpty();
        assertThat(printed.whyNot()).isEmpty();
        assertThat(printed.findings()).isEqualTo(whole.findings());
        assertThat(printed.rank()).isEqualTo(1);
    }
}
