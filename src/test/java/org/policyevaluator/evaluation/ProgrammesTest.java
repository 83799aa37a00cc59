package org.policyevaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyevaluator.TestSupport.EVALUATOR;
import static org.policyevaluator.TestSupport.bind;
import static org.policyevaluator.TestSupport.chips;
import static org.policyevaluator.TestSupport.finding;
import static org.policyevaluator.TestSupport.with;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** The three programmes: their weights, bands and gates are data, and they rank the same applications differently. */
class ProgrammesTest {

    private static Evaluation evaluate(ObjectNode json, String program) {
        return EVALUATOR.evaluate(bind(json), program, "zh");
    }

    private static Evaluation.GateResult gate(Evaluation e, String id) {
        return e.gates().stream().filter(g -> g.ruleId().equals(id)).findFirst().orElse(null);
    }

    @Test
    void evaluateUnderComputeShouldWeighDomesticComputeMostAndUseItsOwnBands() {
        ObjectNode app = with("compute.trainingDomesticShare", 0.9, "compute.chips", List.of(Map.of("model", "Ascend 910B", "count", 8)));
        // general: >= 0.9 is the top band (10 of 25); compute: 0.9 is its second band (8 table points), scaled 45/25
        assertThat(finding(evaluate(app, "general"), "DC-010").orElseThrow().points()).isEqualByComparingTo("10");
        Evaluation.Finding compute = finding(evaluate(app, "compute"), "DC-010").orElseThrow();
        assertThat(compute.points()).isEqualByComparingTo("14.4");
        assertThat(compute.maxPoints()).isEqualByComparingTo("18");
        assertThat(evaluate(app, "compute").dimensions().get(0).maxScore()).isEqualByComparingTo("45");
    }

    @ParameterizedTest(name = "inventory share {0}: gate passed {1}")
    @CsvSource({"39, 40, true", "38, 40, false"})
    void evaluateUnderComputeShouldRequireTheMinimumDomesticShare(int domestic, int foreign, boolean passed) {
        // 39 x 320 against 40 x 312 is exactly 50%
        Evaluation e = evaluate(with("compute.chips", chips("Ascend 910B", domestic, "NVIDIA A100", foreign)), "compute");
        assertThat(gate(e, "GT-050").passed()).isEqualTo(passed);
        if (!passed) {
            assertThat(gate(e, "GT-050").reason()).isEqualTo("国产算力占比 49.4% 低于项目类别规定的下限 50%");
        }
    }

    @Test
    void evaluateUnderComputeWhenNoInventoryShouldFailForTheRequiredChipList() {
        Evaluation e = evaluate(with(), "compute");
        assertThat(gate(e, "GT-010").reason()).isEqualTo("缺少项目类别要求的信息：算力芯片清单");
        assertThat(gate(e, "GT-050").passed()).isFalse();
        assertThat(e.eligible()).isFalse();
    }

    @Test
    void evaluateUnderManufacturingShouldRequireTheManufacturingSector() {
        ObjectNode health = with("scenario.sector", "HEALTHCARE", "scenario.manufacturingStages", List.of("PRODUCTION"));
        assertThat(gate(evaluate(health, "manufacturing"), "GT-060").reason())
                .isEqualTo("应用行业 医疗健康 不在项目类别支持的范围（制造业）内");
        ObjectNode factory = with("scenario.sector", "MANUFACTURING", "scenario.manufacturingStages", List.of("PRODUCTION"));
        assertThat(gate(evaluate(factory, "manufacturing"), "GT-060").passed()).isTrue();
        assertThat(evaluate(factory, "manufacturing").eligible()).isTrue();
    }

    @Test
    void evaluateUnderGeneralShouldNotListGatesItsProgrammeDoesNotHave() {
        assertThat(evaluate(with(), "general").gates()).extracting(Evaluation.GateResult::ruleId)
                .containsExactly("GT-010", "GT-020", "GT-030", "GT-040");
        assertThat(evaluate(with(), "compute").gates()).extracting(Evaluation.GateResult::ruleId)
                .containsExactly("GT-010", "GT-020", "GT-030", "GT-040", "GT-050");
        assertThat(evaluate(with(), "manufacturing").gates()).extracting(Evaluation.GateResult::ruleId)
                .containsExactly("GT-010", "GT-020", "GT-030", "GT-040", "GT-060");
    }

    @Test
    void evaluateShouldKeepDimensionScoresSummingToTheTotalUnderScaledWeights() {
        ObjectNode app = with("compute.chips", chips("Ascend 910B", 10), "techAreas", List.of("DATASET"),
                "green.energySavingPercent", 11, "scenario.sector", "MANUFACTURING",
                "scenario.manufacturingStages", List.of("PRODUCTION", "RND_DESIGN", "PILOT_VERIFICATION"),
                "innovation.standards", 1);
        for (String program : List.of("general", "compute", "manufacturing")) {
            Evaluation e = evaluate(app, program);
            var sum = e.dimensions().stream().map(Evaluation.DimensionScore::score).reduce(java.math.BigDecimal.ZERO,
                    java.math.BigDecimal::add);
            assertThat(sum).as(program).isEqualByComparingTo(e.totalScore());
        }
    }
}
