package org.policyevaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyevaluator.TestSupport.chips;
import static org.policyevaluator.TestSupport.evaluate;
import static org.policyevaluator.TestSupport.flag;
import static org.policyevaluator.TestSupport.gate;
import static org.policyevaluator.TestSupport.minimal;
import static org.policyevaluator.TestSupport.with;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Eligibility gates (pass and fail) and reviewer flags (raised and not raised), with their messages. */
class GatesAndFlagsTest {

    @Test
    void evaluateWhenProgrammeRequiredDeclarationIsMissingShouldFailGt010() {
        var app = minimal();
        ((tools.jackson.databind.node.ObjectNode) app.get("applicant")).remove("creditCode");
        Evaluation e = evaluate(app);
        assertThat(e.eligible()).isFalse();
        assertThat(gate(e, "GT-010").passed()).isFalse();
        assertThat(gate(e, "GT-010").reason()).isEqualTo("缺少项目类别要求的信息：统一社会信用代码");
        assertThat(gate(evaluate(minimal()), "GT-010").passed()).isTrue();
    }

    @Test
    void evaluateWhenRequestedExceedsTotalShouldFailGt020Only() {
        Evaluation e = evaluate(with("budget.requested", 1001));
        assertThat(gate(e, "GT-020").passed()).isFalse();
        assertThat(gate(e, "GT-020").reason()).isEqualTo("申请资金 1001 万元超过总投资 1000 万元");
        assertThat(gate(e, "GT-030").passed()).as("the share gate stays quiet when GT-020 already failed").isTrue();
        assertThat(gate(evaluate(with("budget.requested", 1000)), "GT-020").passed()).isTrue();
    }

    @Test
    void evaluateWhenRequestedShareIsAboveProgrammeMaximumShouldFailGt030() {
        Evaluation e = evaluate(with("budget.requested", 501));
        assertThat(e.eligible()).isFalse();
        assertThat(gate(e, "GT-030").reason())
                .isEqualTo("申请资金占总投资 50.1%，超过上限 50%（申请 501 万元 / 总投资 1000 万元）");
        assertThat(gate(evaluate(with("budget.requested", 500)), "GT-030").passed()).isTrue();
    }

    @Test
    void evaluateWhenModelProjectLacksSafetyAssessmentShouldFailGt040() {
        Evaluation e = evaluate(with("techAreas", List.of("FOUNDATION_MODEL", "DATASET")), "en");
        assertThat(e.eligible()).isFalse();
        assertThat(gate(e, "GT-040").reason())
                .isEqualTo("Works on Foundation models and so needs a safety and fairness assessment (declared: not declared)");
        assertThat(gate(e, "GT-040").clauses()).extracting(Evaluation.ClauseRef::id).containsExactly("A-4.1");
        assertThat(gate(evaluate(with("techAreas", List.of("AGENT"), "safety.securityAssessment", true)), "GT-040").passed())
                .isTrue();
        assertThat(gate(evaluate(with("techAreas", List.of("AI_CHIP"))), "GT-040").passed()).isTrue();
    }

    @Test
    void evaluateWhenGateFailsShouldStillScoreAndReportEveryGate() {
        Evaluation e = evaluate(with("budget.requested", 900, "innovation.openCall", true));
        assertThat(e.totalScore()).isEqualByComparingTo("1");
        assertThat(e.gates()).extracting(Evaluation.GateResult::ruleId).containsExactly("GT-010", "GT-020", "GT-030", "GT-040");
    }

    @ParameterizedTest(name = "declared {0} against an inventory of 50%: flagged {1}")
    @CsvSource({"0.6, false", "0.61, true"})
    void evaluateWhenDeclaredShareExceedsInventoryByMoreThanToleranceShouldRaiseFl010(double declared, boolean raised) {
        // 39 x 320 (Ascend 910B) = 40 x 312 (A100): exactly half the compute is domestic
        Evaluation e = evaluate(with("compute.chips", chips("Ascend 910B", 39, "NVIDIA A100", 40),
                "compute.trainingDomesticShare", declared, "compute.inferenceDomesticShare", declared));
        assertThat(flag(e, "FL-010").isPresent()).isEqualTo(raised);
        assertThat(flag(e, "FL-011").isPresent()).isEqualTo(raised);
        if (raised) {
            assertThat(flag(e, "FL-010").orElseThrow().message()).isEqualTo(
                    "申报训练算力国产占比 61% 高于芯片清单测算的 50%（清单：Ascend 910B*39（国产）、NVIDIA A100*40（进口））");
            assertThat(flag(e, "FL-010").orElseThrow().severity()).isEqualTo("WARNING");
        }
    }

    @Test
    void evaluateWhenDomesticCentreHasOnlyForeignChipsShouldRaiseFl020() {
        assertThat(flag(evaluate(with("compute.domesticComputingCenter", true, "compute.chips", chips("NVIDIA H20", 100))),
                "FL-020")).isPresent();
        assertThat(flag(evaluate(with("compute.domesticComputingCenter", true,
                "compute.chips", chips("NVIDIA H20", 100, "Ascend 910B", 1))), "FL-020")).isEmpty();
        assertThat(flag(evaluate(with("compute.domesticComputingCenter", false, "compute.chips", chips("NVIDIA H20", 100))),
                "FL-020")).isEmpty();
    }

    @ParameterizedTest(name = "self-funded {0} of 1000 with 400 requested: flagged {1}")
    @CsvSource({"590, false", "589, true", "610, false", "611, true"})
    void evaluateWhenBudgetDoesNotAddUpShouldRaiseFl030(int selfFunded, boolean raised) {
        assertThat(flag(evaluate(with("budget.selfFunded", selfFunded)), "FL-030").isPresent()).isEqualTo(raised);
    }

    @Test
    void evaluateWhenSelfFundingIsNotDeclaredShouldNotRaiseFl030() {
        assertThat(flag(evaluate(with()), "FL-030")).isEmpty();
    }

    @Test
    void evaluateWhenGeneralPurposeModelHasNoScenarioShouldRaiseFl040() {
        var e = evaluate(with("techAreas", List.of("FOUNDATION_MODEL", "MULTIMODAL"), "safety.securityAssessment", true));
        assertThat(flag(e, "FL-040").orElseThrow().message()).isEqualTo(
                "仅申报通用大模型方向（基础大模型、多模态大模型），无行业场景、无行业专用模型，存在同质化重复建设风险（“千模大战”）");
        assertThat(flag(e, "FL-040").orElseThrow().clauses()).extracting(Evaluation.ClauseRef::id).containsExactly("A-4.2");
        assertThat(flag(evaluate(with("techAreas", List.of("FOUNDATION_MODEL"), "scenario.sector", "MANUFACTURING",
                "safety.securityAssessment", true)), "FL-040")).isEmpty();
        assertThat(flag(evaluate(with("techAreas", List.of("FOUNDATION_MODEL"), "scenario.industryModel", true,
                "safety.securityAssessment", true)), "FL-040")).isEmpty();
        assertThat(flag(evaluate(with("techAreas", List.of("FOUNDATION_MODEL", "WORLD_MODEL"),
                "safety.securityAssessment", true)), "FL-040")).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}: flagged {3}")
    @CsvSource({
            "FL-050, green.energySavingPercent, 80, false",
            "FL-050, green.energySavingPercent, 80.5, true",
            "FL-051, green.dataCenterPue, 1.04, false",
            "FL-051, green.dataCenterPue, 1.03, true",
            "FL-052, green.carbonReductionTons, 200000, false",
            "FL-052, green.carbonReductionTons, 200001, true",
    })
    void evaluateWhenFigureIsImplausibleShouldRaiseFlag(String rule, String path, double value, boolean raised) {
        assertThat(flag(evaluate(with(path, value)), rule).isPresent()).isEqualTo(raised);
    }

    @ParameterizedTest(name = "{0} = {1}: flagged {3}")
    @CsvSource({
            "FL-053, innovation.inventionPatents, 5000, false",
            "FL-053, innovation.inventionPatents, 5001, true",
            "FL-053, scenario.deploymentSites, 5001, true",
            "FL-054, budget.months, 3, false",
            "FL-054, budget.months, 2, true",
            "FL-054, budget.months, 72, false",
            "FL-054, budget.months, 73, true",
    })
    void evaluateWhenCountIsImplausibleShouldRaiseFlag(String rule, String path, int value, boolean raised) {
        assertThat(flag(evaluate(with(path, value)), rule).isPresent()).isEqualTo(raised);
    }

    @Test
    void evaluateWhenCountIsImplausibleShouldNameTheField() {
        assertThat(flag(evaluate(with("innovation.standards", 9000)), "FL-053").orElseThrow().message())
                .isEqualTo("主导或参与标准数 为 9000，超过可信上限 5000，请核实");
    }

    @Test
    void evaluateWhenChipModelIsUnknownShouldRaiseFl060CountItAsForeignAndHoldTheDomesticPoints() {
        var e = evaluate(with("compute.chips", chips("Ascend 910B", 10, "Quantum Q1", 500)));
        assertThat(flag(e, "FL-060").orElseThrow().severity()).isEqualTo("WARNING");
        assertThat(flag(e, "FL-060").orElseThrow().consequence()).isEqualTo("hold");
        assertThat(flag(e, "FL-060").orElseThrow().message())
                .startsWith("芯片型号不在登记表中，暂按国外芯片计算、国产算力得分暂缓计入，待评审归类：Quantum Q1");
        assertThat(org.policyevaluator.TestSupport.finding(e, "DC-010")).isEmpty();
        assertThat(e.review().required()).isTrue();
        assertThat(flag(evaluate(with("compute.chips", chips("Ascend 910B", 10))), "FL-060")).isEmpty();
    }

    @Test
    void evaluateWhenPublicServiceScenarioLacksDataProtectionShouldRaiseFl070() {
        assertThat(flag(evaluate(with("scenario.sector", "HEALTHCARE")), "FL-070")).isPresent();
        assertThat(flag(evaluate(with("scenario.sector", "HEALTHCARE", "safety.personalDataProtection", true)), "FL-070"))
                .isEmpty();
        assertThat(flag(evaluate(with("scenario.sector", "MANUFACTURING")), "FL-070")).isEmpty();
    }

    @Test
    void englishMessagesShouldCountInTheSingularForOneAndThePluralOtherwise() {
        assertThat(flag(evaluate(with("budget.months", 1), "en"), "FL-054").orElseThrow().message())
                .isEqualTo("A duration of 1 month is outside the plausible 3-72 months");
        assertThat(flag(evaluate(with("budget.months", 2), "en"), "FL-054").orElseThrow().message())
                .isEqualTo("A duration of 2 months is outside the plausible 3-72 months");
        var one = evaluate(with("innovation.academicPartners", 1), "en");
        assertThat(org.policyevaluator.TestSupport.finding(one, "IE-052").orElseThrow().reason())
                .isEqualTo("An enterprise leads the cooperation with 1 university or institute partner (+1.5)");
        var three = evaluate(with("innovation.academicPartners", 3), "en");
        assertThat(org.policyevaluator.TestSupport.finding(three, "IE-052").orElseThrow().reason())
                .isEqualTo("An enterprise leads the cooperation with 3 university or institute partners (+1.5)");
    }
}
