package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.Found;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.ProblemTexts;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.store.AuditChain;
import org.springframework.beans.factory.annotation.Autowired;

/** Values as the pages show them: no code, path or English on a Chinese page. */
class PageFormatTest extends WebTest {

    @Autowired
    PageFormat fmt;

    @Autowired
    WebTexts texts;

    @Test
    void timeShouldBeShownToTheSecondWithItsZoneNamed() {
        assertThat(fmt.time("2026-03-01T09:30:05.123Z", "zh")).isEqualTo("2026-03-01 09:30:05（协调世界时）");
        assertThat(fmt.time("2026-03-01T09:30:05.123Z", "en")).isEqualTo("2026-03-01 09:30:05 UTC");
    }

    static AuditChain.Report broken(AuditChain.Place at, AuditChain.Reason reason) {
        return new AuditChain.Report(false, 20, new AuditChain.Broken(at, reason, 20));
    }

    @Test
    void brokenChainShouldBeNamedInTheLanguageOfThePage() {
        var override = broken(new AuditChain.Place.Record("override", "o-1", 17L), AuditChain.Reason.ALTERED);
        assertThat(fmt.brokenAt(override, "zh")).isEqualTo("复核调整 o-1（审计链第 17 条记录）");
        assertThat(fmt.brokenBecause(override, "zh")).isEqualTo("该记录在保存后被修改");
        assertThat(fmt.brokenAt(override, "en")).isEqualTo("override o-1 (chain entry 17)");
        assertThat(fmt.brokenAt(broken(new AuditChain.Place.Entry(3), AuditChain.Reason.MISSING), "zh")).isEqualTo("审计链第 3 条记录");
        var inserted = broken(new AuditChain.Place.Record("batch", "b-1", null), AuditChain.Reason.UNCHAINED);
        assertThat(fmt.brokenAt(inserted, "zh")).isEqualTo("批次 b-1");
        assertThat(fmt.brokenBecause(inserted, "en")).isEqualTo(inserted.reason())
                .isEqualTo("the record is not in the audit chain: it was inserted outside the store");
        // a checkpoint's reasons name the sizes, digits not grouped
        var rewritten = broken(new AuditChain.Place.Checkpoint(1234, "2026-12-01T09:00:00Z"), AuditChain.Reason.CHECKPOINT_REWRITTEN);
        assertThat(fmt.brokenAt(rewritten, "zh")).isEqualTo("保存的检查点（1234 条记录，2026-12-01T09:00:00Z）");
        assertThat(fmt.brokenBecause(rewritten, "zh")).isEqualTo("前 1234 条记录已得不出检查点的根哈希：日志被改写");
        assertThat(fmt.brokenBecause(rewritten, "en")).isEqualTo(rewritten.reason());
        var unsigned = broken(new AuditChain.Place.Checkpoint(5, "t"), AuditChain.Reason.CHECKPOINT_UNSIGNED);
        assertThat(fmt.brokenBecause(unsigned, "en")).isEqualTo(unsigned.reason());
        assertThat(fmt.brokenAt(new AuditChain.Report(true, 3, null), "zh")).isEmpty();
    }

    @Test
    void namesShouldBeWords() {
        assertThat(fmt.brokenAt(broken(new AuditChain.Place.Record("panel", "p-1", 9L), AuditChain.Reason.DELETED), "zh"))
                .isEqualTo("评审组记录 p-1（审计链第 9 条记录）");
        assertThat(fmt.programme("compute", "zh")).isEqualTo("国产算力基础设施专项");
        assertThat(fmt.dimension("greenTransformation", "zh")).isEqualTo("绿色转型");
        assertThat(fmt.source("request body", "zh")).isEqualTo("请求正文");
        assertThat(fmt.source("batch.json", "zh")).isEqualTo("batch.json");
        // a flag's severity as the ruleset names it (rules/messages), as the text report does
        assertThat(fmt.severity("WARNING", "zh")).isEqualTo("警告");
        assertThat(fmt.severity("INFO", "en")).isEqualTo("info");
        assertThat(fmt.severity(null, "zh")).isEmpty();
    }

    @Test
    void tieShouldNameTheDimensionThatBrokeItOrTheSharedRank() {
        var above = new Evaluation.TieBreak("B-2", "greenTransformation", new BigDecimal("12"), new BigDecimal("9"), "above");
        assertThat(fmt.tie(above, "zh")).isEqualTo("与 B-2 总分相同 · 按“绿色转型”（12 / 9）排在 B-2 之前");
        assertThat(fmt.tie(above, "en")).isEqualTo("tied with B-2 on total · ranked above B-2 on Green transformation (12 / 9)");
        var below = new Evaluation.TieBreak("B-1", "greenTransformation", new BigDecimal("9"), new BigDecimal("12"), "below");
        assertThat(fmt.tie(below, "zh")).isEqualTo("与 B-1 总分相同 · 按“绿色转型”（9 / 12）排在 B-1 之后");
        assertThat(fmt.tie(new Evaluation.TieBreak("B-3", null, null, null, "shared"), "zh"))
                .isEqualTo("与 B-3 总分相同 · 各维度得分相同，名次并列");
    }

    @Test
    void placeShouldNameApplicationFieldAndItemInsteadOfTheJsonPath() {
        assertThat(texts.place(new Location.InJson("$.applications[1]", "compute.chips", 0, "count"), "zh"))
                .isEqualTo("第 2 份申请，算力芯片清单，第 1 项的数量");
        assertThat(texts.place(Location.InJson.of("$[0]"), "en")).isEqualTo("application 1");
        assertThat(texts.place(Location.InJson.of("$"), "zh")).isEmpty();
        assertThat(texts.place(new Location.InSheet("batch.xlsx", "Applications", 3, null, null, null, null, null), "en"))
                .isEqualTo("batch.xlsx, sheet Applications, row 3");
    }

    @Test
    void pageViewOfARejectedApplicationShouldNameItInItsHeadingAndOnlyTheFieldInItsProblems() {
        var rejection = new Rejection("batch.json", Location.InJson.of("$.applications[1]"), "B-002", List.of(
                Problem.of(Location.InJson.of("$.applications[1]").at("compute.trainingDomesticShare"), "problem.expected",
                        "field", "compute.trainingDomesticShare", "found", Found.value("1.5")),
                Problem.of(Location.InJson.of("$.applications[1]"), "problem.duplicateId", "id", "B-002",
                        "source", "batch.json", "first", Location.InJson.of("$.applications[0]"))));
        var zh = texts.pageView(rejection, "zh");
        assertThat(zh.location()).isEqualTo("第 2 份申请");
        assertThat(zh.problems()).extracting(ProblemTexts.View::location).containsExactly("训练算力国产占比", "");
        assertThat(zh.problems().get(1).message()).isEqualTo(
                "申报编号“B-002”已被 batch.json 第 1 份申请 的申报使用；同一批次内编号不得重复");
        var en = texts.pageView(rejection, "en");
        assertThat(en.location()).isEqualTo("application 2");
        assertThat(en.problems().get(0).location()).isEqualTo("Training compute on domestic chips");
        assertThat(en.problems().get(1).message()).contains("$.applications[0]");
    }
}
