package org.policyevaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyevaluator.TestSupport.chips;
import static org.policyevaluator.TestSupport.evaluate;
import static org.policyevaluator.TestSupport.finding;
import static org.policyevaluator.TestSupport.firedRuleIds;
import static org.policyevaluator.TestSupport.with;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule family: exact rule id, points, clauses and reason — and the rules that must not fire. */
class RuleFamiliesTest {

    @Test
    void evaluateWhenInventoryHoldsLessDomesticComputeThanDeclaredShouldScoreTheInventoryShare() {
        // 512 x 320 (Ascend 910B) against 64 x 312 (A800): 89.14% of the compute is domestic
        Evaluation e = evaluate(with("compute.chips", chips("Ascend 910B", 512, "NVIDIA A800", 64),
                "compute.trainingDomesticShare", 0.95));
        Evaluation.Finding f = finding(e, "DC-010").orElseThrow();
        assertThat(f.points()).isEqualByComparingTo("8");
        assertThat(f.reason()).isEqualTo("训练算力国产芯片占比按 89.1% 计（申报值 95%，芯片清单测算 89.1%），达到 ≥70% 档，得 8 分");
        assertThat(f.evidence()).containsEntry("derived.trainingShare", 0.8914)
                .containsEntry("compute.trainingDomesticShare", 0.95).containsEntry("derived.inventoryDomesticShare", 0.8914);
        assertThat(f.clauses()).extracting(Evaluation.ClauseRef::id).containsExactly("A-2.4", "A-2.1");
        assertThat(f.clauses().get(0).quote()).isEqualTo("优先支持基于国产AI芯片的智算中心");
    }

    @Test
    void evaluateWhenOnlyInventoryIsGivenShouldScoreBothSharesFromIt() {
        Evaluation e = evaluate(with("compute.chips", chips("Huawei Ascend 910C", 10)), "en");
        assertThat(finding(e, "DC-010").orElseThrow().reason()).isEqualTo(
                "Training compute on domestic chips counted as 100% (declared: not declared; chip inventory: 100%), "
                        + "reaching the >= 90% band (+10)");
        assertThat(finding(e, "DC-020").orElseThrow().points()).isEqualByComparingTo("6");
    }

    @Test
    void evaluateWhenInventoryIsForeignOnlyShouldNotAwardDomesticShares() {
        Evaluation e = evaluate(with("compute.chips", chips("NVIDIA H100", 8), "compute.trainingDomesticShare", 0.9));
        assertThat(finding(e, "DC-010")).isEmpty();
        assertThat(finding(e, "DC-020")).isEmpty();
    }

    @ParameterizedTest(name = "{0} is tier {1}: {2}")
    @CsvSource({
            "AI_CHIP, KT-010, 18", "AI_BASIC_SOFTWARE, KT-010, 18",
            // a general-purpose model without an industry model in a named industry counts at tier 3 (line 31)
            "FOUNDATION_MODEL, KT-030, 7", "MULTIMODAL, KT-030, 7", "WORLD_MODEL, KT-020, 12",
            "SPATIAL_INTELLIGENCE, KT-020, 12", "EMBODIED_AI, KT-020, 12", "AGENT, KT-020, 12", "FRONTIER_CHIP, KT-020, 12",
            "DATASET, KT-030, 7", "MODEL_EVALUATION, KT-030, 7", "COMPUTE_SCHEDULING, KT-030, 7", "BASIC_THEORY, KT-020, 12",
            "DECISION_AI, KT-020, 12", "SWARM_INTELLIGENCE, KT-030, 7", "BRAIN_INSPIRED, KT-030, 7",
            "INDUSTRIAL_SOFTWARE, KT-030, 7",
    })
    void evaluateWhenTechAreaIsDeclaredShouldAwardItsTierOnly(String area, String rule, BigDecimal points) {
        Evaluation e = evaluate(with("techAreas", List.of(area), "safety.securityAssessment", true));
        assertThat(finding(e, rule).orElseThrow().points()).isEqualByComparingTo(points);
        assertThat(firedRuleIds(e)).filteredOn(id -> id.startsWith("KT-0") && id.compareTo("KT-040") < 0)
                .containsExactly(rule);
    }

    @Test
    void evaluateWhenSeveralTiersAreTouchedShouldAwardOnlyTheHighest() {
        Evaluation e = evaluate(with("techAreas", List.of("DATASET", "AGENT", "AI_CHIP"), "safety.securityAssessment", true));
        Evaluation.Finding f = finding(e, "KT-010").orElseThrow();
        assertThat(f.reason()).isEqualTo("攻关 AI芯片，属第一梯队关键核心技术，得 18 分");
        assertThat(f.clauses()).extracting(Evaluation.ClauseRef::id).containsExactly("A-2.1", "A-4.3", "B-4");
        assertThat(finding(e, "KT-020")).isEmpty();
        assertThat(finding(e, "KT-030")).isEmpty();
    }

    @Test
    void evaluateWhenDatasetIsSharedOpenlyShouldAwardKt060AndNotOtherwise() {
        assertThat(finding(evaluate(with("techAreas", List.of("DATASET"), "innovation.openSource", true)), "KT-060")
                .orElseThrow().points()).isEqualByComparingTo("2");
        assertThat(finding(evaluate(with("techAreas", List.of("DATASET"))), "KT-060")).isEmpty();
        assertThat(finding(evaluate(with("techAreas", List.of("AI_CHIP"), "innovation.openSource", true)), "KT-060")).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "MANUFACTURING, AP-030, 5", "ENERGY, AP-030, 5", "AGRICULTURE, AP-030, 5",
            "AUTOMOTIVE, AP-031, 5", "ROBOTICS, AP-031, 5", "CONSUMER_DEVICES, AP-031, 5",
            "HEALTHCARE, AP-032, 4", "EDUCATION, AP-032, 4", "SMART_CITY, AP-032, 4",
            "FINANCE, , ", "OTHER, , ",
    })
    void evaluateWhenSectorIsDeclaredShouldAwardItsScenarioCategory(String sector, String rule, BigDecimal points) {
        Evaluation e = evaluate(with("scenario.sector", sector));
        List<String> scenarioRules = firedRuleIds(e).stream().filter(id -> id.startsWith("AP-03")).toList();
        if (rule == null) {
            assertThat(scenarioRules).isEmpty();
        } else {
            assertThat(scenarioRules).containsExactly(rule);
            assertThat(finding(e, rule).orElseThrow().points()).isEqualByComparingTo(points);
        }
    }

    @Test
    void evaluateWhenFutureIndustryTechnologyHasAScenarioShouldAwardAp040() {
        Evaluation e = evaluate(with("techAreas", List.of("EMBODIED_AI"), "scenario.sector", "ROBOTICS",
                "safety.securityAssessment", true));
        assertThat(finding(e, "AP-040").orElseThrow().reason()).isEqualTo("具身智能 落地于机器人场景，得 2 分");
        assertThat(finding(evaluate(with("techAreas", List.of("EMBODIED_AI"), "scenario.sector", "OTHER",
                "safety.securityAssessment", true)), "AP-040")).isEmpty();
        assertThat(finding(evaluate(with("techAreas", List.of("EMBODIED_AI"), "safety.securityAssessment", true)), "AP-040"))
                .isEmpty();
        assertThat(finding(evaluate(with("techAreas", List.of("AI_CHIP"), "scenario.sector", "ROBOTICS")), "AP-040")).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"LEADING_ENTERPRISE, IE-010, 2", "LITTLE_GIANT, IE-010, 2", "NATIONAL_SMART_FACTORY, IE-010, 2",
            "SPECIALIZED_SME, IE-011, 1", "HIGH_TECH_ENTERPRISE, IE-011, 1"})
    void evaluateWhenQualificationIsHeldShouldAwardItsLevel(String qualification, String rule, BigDecimal points) {
        Evaluation e = evaluate(with("applicant.qualifications", List.of(qualification)));
        assertThat(finding(e, rule).orElseThrow().points()).isEqualByComparingTo(points);
    }

    @Test
    void evaluateWhenBothQualificationLevelsAreHeldShouldAwardOnlyTheTopOne() {
        Evaluation e = evaluate(with("applicant.qualifications", List.of("HIGH_TECH_ENTERPRISE", "LITTLE_GIANT")));
        assertThat(finding(e, "IE-010").orElseThrow().reason()).isEqualTo("申报单位具有 专精特新“小巨人”企业 资质，得 2 分");
        assertThat(finding(e, "IE-011")).isEmpty();
    }

    @Test
    void evaluateWhenAcademicPartnersOrConsortiumShouldAwardIe050() {
        assertThat(finding(evaluate(with("applicant.type", "UNIVERSITY", "innovation.academicPartners", 1)), "IE-050")).isPresent();
        // an enterprise that leads the cooperation earns IE-052 in IE-050's place
        assertThat(finding(evaluate(with("innovation.academicPartners", 1)), "IE-050")).isEmpty();
        assertThat(finding(evaluate(with("innovation.academicPartners", 0)), "IE-050")).isEmpty();
        assertThat(finding(evaluate(with("applicant.type", "CONSORTIUM")), "IE-050")).isPresent();
        assertThat(finding(evaluate(with("innovation.internationalPartners", 1)), "IE-060")).isPresent();
        assertThat(finding(evaluate(with("innovation.internationalPartners", 0)), "IE-060")).isEmpty();
    }

    @Test
    void evaluateWhenNothingIsDeclaredShouldScoreZeroAndPassEveryGate() {
        Evaluation e = evaluate(with());
        assertThat(e.findings()).isEmpty();
        assertThat(e.totalScore()).isEqualByComparingTo("0");
        assertThat(e.eligible()).isTrue();
        assertThat(e.flags()).isEmpty();
        assertThat(e.grade()).isEqualTo("D");
    }

    @Test
    void evaluateShouldMakeDimensionScoresAddUpToTheTotalAndFindingsToTheirDimension() {
        Evaluation e = evaluate(with("compute.chips", chips("Ascend 910B", 100), "techAreas", List.of("AI_CHIP"),
                "green.energySavingPercent", 12.5, "scenario.sector", "MANUFACTURING", "innovation.standards", 2));
        BigDecimal sum = e.dimensions().stream().map(Evaluation.DimensionScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(e.totalScore());
        for (var d : e.dimensions()) {
            BigDecimal findings = e.findings().stream().filter(f -> f.dimension().equals(d.id()))
                    .map(Evaluation.Finding::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(findings).as(d.id()).isEqualByComparingTo(d.score());
        }
        // DC-010 10 + DC-020 6 + KT-010 18 + GR-010 3 + AP-030 5 + IE-030 1
        assertThat(e.totalScore()).isEqualByComparingTo("43");
    }
}
