package org.policyevaluator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policyevaluator.rules.RuleBase;

class ProblemTextsTest {
    static final ProblemTexts TEXTS = RuleBase.bundled().problemTexts();

    @Test
    void wordsInChineseShouldNameAPlaceInJsonByApplicationLabelAndItemNeverByPath() {
        var chips = Location.InJson.of("$.applications[1]").at("compute.chips");

        assertThat(TEXTS.words(new Location.InJson("$.applications[1]", "compute.chips", 0, "model"), "zh"))
                .isEqualTo("第 2 份申请，算力芯片清单，第 1 项的型号");
        assertThat(TEXTS.words(new Location.InJson("$.applications[1]", "compute.chips", 2, null), "zh"))
                .isEqualTo("第 2 份申请，算力芯片清单，第 3 项");
        assertThat(TEXTS.words(chips, "zh")).isEqualTo("第 2 份申请，算力芯片清单");
        // an array of applications, and a file of one application
        assertThat(TEXTS.words(Location.InJson.of("$[0]"), "zh")).isEqualTo("第 1 份申请");
        assertThat(TEXTS.words(Location.InJson.of("$").at("applicant.creditCode"), "zh")).isEqualTo("统一社会信用代码");
        assertThat(TEXTS.words(Location.InJson.of("$"), "zh")).isEqualTo("整个文件");
    }

    @Test
    void wordsInEnglishAndForCellsAndFilesShouldBeTheLocationAsOutputsWriteIt() {
        var chip = new Location.InJson("$.applications[1]", "compute.chips", 0, "model");
        var cell = new Location.InSheet("batch.xlsx", "申报表", 7, "C", "统一社会信用代码", "applicant.creditCode", null, null);

        assertThat(TEXTS.words(chip, "en")).isEqualTo("$.applications[1].compute.chips[0].model").isEqualTo(TEXTS.location(chip, "en"));
        assertThat(TEXTS.words(cell, "zh")).isEqualTo(TEXTS.location(cell, "zh"));
        assertThat(TEXTS.words(new Location.InFile("a.json", 1L, 5L), "zh")).isEqualTo("a.json 第 1 行第 5 列");
    }

    @Test
    void viewInWordsShouldLeaveTheApplicationToTheHeadingThatNamesIt() {
        var rejection = new Rejection("batch.json", Location.InJson.of("$.applications[1]"), "B-002",
                java.util.List.of(Problem.of(Location.InJson.of("$.applications[1]").at("applicant.creditCode"), "problem.required")));

        var view = TEXTS.viewInWords(rejection, "zh");

        assertThat(view.location()).isEqualTo("第 2 份申请");
        assertThat(view.problems().get(0).location()).isEqualTo("统一社会信用代码");
        // the view for machines keeps the paths
        assertThat(TEXTS.view(rejection, "zh").problems().get(0).location()).isEqualTo("$.applications[1].applicant.creditCode");
    }
}
