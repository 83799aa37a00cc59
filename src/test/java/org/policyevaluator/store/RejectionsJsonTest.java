package org.policyevaluator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyevaluator.intake.Found;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Phrase;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.ProblemTexts;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.rules.RuleBase;

class RejectionsJsonTest {
    static final ProblemTexts TEXTS = RuleBase.bundled().problemTexts();

    static final List<Rejection> REJECTIONS = List.of(
            new Rejection("batch.json", Location.InJson.of("$.applications[1]"), "B-002", List.of(
                    Problem.of(new Location.InJson("$.applications[1]", "compute.chips", 0, "count"), "problem.expected",
                            "field", "compute.chips.count", "found", Found.value("-3")),
                    Problem.of(Location.InJson.of("$.applications[1]"), "problem.duplicateId", "id", "B-002",
                            "source", "batch.json", "first", Location.InJson.of("$.applications[0]")))),
            new Rejection("batch.xlsx", new Location.InSheet("batch.xlsx", "申报表", 7, null, null, null, null, null), null,
                    List.of(Problem.of(new Location.InSheet("batch.xlsx", "申报表", 7, "C", "统一社会信用代码",
                            "applicant.creditCode", null, null), "problem.expected", "field", "applicant.creditCode",
                            "expected", new Phrase("expected.text"), "found", new Found(Found.Kind.CELL_ERROR, "#REF!"),
                            "share", new BigDecimal("1.50"), "count", 3, "big", 12345678901L, "item", true))),
            new Rejection("broken.json", null, null, List.of(
                    Problem.of(new Location.InFile("broken.json", 3L, 14L), "problem.literal", "text", "逗号多余"))));

    @Test
    void readShouldGiveBackWhatWasWrittenSoThatItIsWordedAsBefore() {
        String json = RejectionsJson.write(REJECTIONS);

        List<Rejection> back = RejectionsJson.read(json).orElseThrow();

        assertThat(back).isEqualTo(REJECTIONS);
        for (String lang : List.of("zh", "en")) {
            assertThat(back.stream().map(r -> TEXTS.view(r, lang)).toList())
                    .isEqualTo(REJECTIONS.stream().map(r -> TEXTS.view(r, lang)).toList());
        }
        assertThat(RejectionsJson.write(back)).isEqualTo(json);
    }

    @Test
    void writeShouldKeepNoWordsOnlyKeysLocationsAndValues() {
        String json = RejectionsJson.write(REJECTIONS);

        assertThat(json).contains("\"key\" : \"problem.duplicateId\"", "\"root\" : \"$.applications[0]\"",
                "\"decimal\" : \"1.50\"", "\"kind\" : \"CELL_ERROR\"", "\"phrase\" : \"expected.text\"");
        assertThat(json).doesNotContain("已被", "第 2 份申请", "message");
    }

    @Test
    void readOfABatchStoredWithItsRejectionsWordedShouldSaySo() {
        String worded = "[ {\"source\" : \"batch.json\", \"location\" : \"$.applications[1]\", \"applicationId\" : \"B-002\","
                + " \"problems\" : [ {\"location\" : \"$.applications[1].title\", \"message\" : \"必填：文本\"} ] } ]";

        assertThat(RejectionsJson.read(worded)).isEmpty();
        assertThat(RejectionsJson.read("[]")).contains(List.of());
    }
}
