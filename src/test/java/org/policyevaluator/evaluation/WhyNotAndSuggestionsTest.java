package org.policyevaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyevaluator.TestSupport.EVALUATOR;
import static org.policyevaluator.TestSupport.RULES;
import static org.policyevaluator.TestSupport.bind;
import static org.policyevaluator.TestSupport.chips;
import static org.policyevaluator.TestSupport.evaluate;
import static org.policyevaluator.TestSupport.with;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyevaluator.TestSupport;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.model.Application;

/** Why not full points, and suggestions whose gain is what the engine gives the changed application. */
class WhyNotAndSuggestionsTest {

    private static Optional<Evaluation.WhyNot> whyNot(Evaluation e, String ruleId) {
        return e.whyNot().stream().filter(w -> w.ruleId().equals(ruleId)).findFirst();
    }

    @Test
    void whyNotWhenBandIsBelowTheTopShouldGiveTheValueAndTheNextThreshold() {
        Evaluation e = evaluate(with("compute.trainingDomesticShare", 0.4));
        assertThat(whyNot(e, "DC-010").orElseThrow().reason())
                .isEqualTo("训练算力国产占比为 40%，未达到 ≥50% 档（满分档 ≥90%），得 3/10 分");
        Evaluation en = evaluate(with("green.dataCenterPue", 1.45, "compute.domesticComputingCenter", true), "en");
        assertThat(whyNot(en, "GR-030").orElseThrow().reason())
                .isEqualTo("Data-centre PUE is 1.45, short of the ≤ 1.3 band (top band ≤ 1.25): 1 of 2");
    }

    @Test
    void whyNotWhenNothingIsDeclaredShouldSaySoWithTheLowestBand() {
        assertThat(whyNot(evaluate(with()), "KT-040").orElseThrow().reason()).isEqualTo("发明专利数未申报（最低一档 ≥1），得 0/7 分");
        assertThat(whyNot(evaluate(with()), "DC-030").orElseThrow().reason()).isEqualTo("未声明依托基于国产AI芯片的智算中心（申报：未申报）");
    }

    @Test
    void whyNotForAGroupOfWhichOneCountsShouldExplainOnlyTheBestRuleWithTheGroupPoints() {
        Evaluation e = evaluate(with("techAreas", List.of("DATASET")));
        assertThat(whyNot(e, "KT-010").orElseThrow()).satisfies(w -> {
            assertThat(w.points()).isEqualByComparingTo("7");
            assertThat(w.maxPoints()).isEqualByComparingTo("18");
            assertThat(w.reason()).isEqualTo("攻关方向（高质量数据集）不含第一梯队技术（AI芯片、AI基础软件），本组得 7/18 分");
        });
        assertThat(whyNot(e, "KT-020")).isEmpty();
        assertThat(whyNot(e, "KT-030")).isEmpty();
    }

    @Test
    void whyNotWhenFullPointsShouldNotMentionTheRule() {
        Evaluation e = evaluate(with("compute.trainingDomesticShare", 0.9, "techAreas", List.of("AI_CHIP"),
                "compute.chips", List.of(java.util.Map.of("model", "Ascend 910B", "count", 8))));
        assertThat(whyNot(e, "DC-010")).isEmpty();
        assertThat(whyNot(e, "KT-010")).isEmpty();
    }

    @Test
    void suggestWhenBandIsBelowShouldOfferTheNextAndTheTopThresholdWithVerifiedGains() {
        Application app = bind(with("innovation.inventionPatents", 3));
        Evaluation e = EVALUATOR.assess(app, "general", "zh");
        assertThat(e.suggestions()).filteredOn(s -> s.ruleIds().contains("KT-040") && !s.changes().isEmpty())
                .extracting(s -> s.changes().get(0).value(), Evaluation.Suggestion::gain)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10, new java.math.BigDecimal("4")),
                        org.assertj.core.groups.Tuple.tuple(5, new java.math.BigDecimal("2")));
        assertThat(e.suggestions()).filteredOn(s -> s.ruleIds().contains("KT-040") && !s.changes().isEmpty()).first()
                .extracting(Evaluation.Suggestion::text)
                .isEqualTo("将“发明专利数”调整为 10：总分 +4（自主知识产权：发明专利），须同时提供发明专利号作为佐证");
    }

    @Test
    void suggestWhenPointsWaitForEvidenceShouldOfferTheEvidenceAloneWithItsVerifiedGain() {
        // 12 patents declared, none numbered: KT-040's 7 points wait; giving the numbers releases them
        Application app = bind(with("innovation.inventionPatents", 12, "green.greenFactory", true,
                "scenario.sector", "MANUFACTURING"));
        Evaluation e = EVALUATOR.assess(app, "general", "zh");
        List<Evaluation.Suggestion> evidenceOnly = e.suggestions().stream().filter(s -> s.changes().isEmpty()).toList();
        assertThat(evidenceOnly).extracting(Evaluation.Suggestion::evidenceFor, Evaluation.Suggestion::gain)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("innovation.inventionPatents", new java.math.BigDecimal("7")),
                        org.assertj.core.groups.Tuple.tuple("green.greenFactory", new java.math.BigDecimal("2")));
        assertThat(evidenceOnly.get(0).text()).isEqualTo("提供发明专利号作为佐证（不改申报内容）：总分 +7（自主知识产权：发明专利）");
        assertThat(evidenceOnly.get(0).newTotal()).isEqualByComparingTo(e.totalScore().add(new java.math.BigDecimal("7")));
        Evaluation en = EVALUATOR.assess(app, "general", "en");
        assertThat(en.suggestions()).extracting(Evaluation.Suggestion::text)
                .contains("Give invention patent numbers as evidence, changing nothing declared: total +7 (KT-040)");
        // with the numbers given, nothing waits and nothing is suggested for them
        Evaluation backed = EVALUATOR.assess(bind(TestSupport.backed(with("innovation.inventionPatents", 12))), "general", "zh");
        assertThat(backed.suggestions()).noneMatch(s -> s.changes().isEmpty());
    }

    @Test
    void suggestWhenItWouldRaiseAFlagShouldLeaveItOut() {
        // a domestic computing centre with only foreign chips would raise FL-020
        Evaluation e = EVALUATOR.assess(bind(with("compute.chips", chips("NVIDIA H100", 8))), "general", "zh");
        assertThat(e.suggestions()).noneMatch(s -> s.ruleIds().contains("DC-030"));
        Evaluation domestic = EVALUATOR.assess(bind(with("compute.chips", chips("Ascend 910B", 8))), "general", "zh");
        assertThat(domestic.suggestions()).anyMatch(s -> s.ruleIds().contains("DC-030"));
    }

    @Test
    void suggestWhenAGateFailsShouldOfferTheChangeThatRestoresEligibilityFirst() {
        Evaluation e = EVALUATOR.assess(bind(with("techAreas", List.of("AGENT"))), "general", "en");
        Evaluation.Suggestion first = e.suggestions().get(0);
        assertThat(first.makesEligible()).isTrue();
        assertThat(first.changes()).containsExactly(new ApplicationEditor.Change("safety.securityAssessment", true));
        assertThat(first.text()).isEqualTo("Set \"AI safety and fairness assessment done\" to yes: passes the eligibility gates (GT-040)");
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySuggestionGainShouldBeConfirmedByApplyingTheChangeAndReEvaluating(Path sample) {
        List<Application> apps = new ArrayList<>();
        new JsonIntake(RULES.reader()).read(sample, s -> apps.add(s.application()), r -> { });
        ApplicationEditor editor = new ApplicationEditor(RULES);
        for (String program : List.of("general", "compute", "manufacturing")) {
            for (Application app : apps) {
                Evaluation e = EVALUATOR.assess(app, program, "zh");
                for (Evaluation.Suggestion s : e.suggestions()) {
                    Evaluation after = s.changes().isEmpty()
                            ? EVALUATOR.evaluate(app.assumingEvidence(s.evidenceFor()), program, "zh")
                            : EVALUATOR.evaluate(editor.apply(app, s.changes()), program, "zh");
                    if (s.evidenceFor() == null || s.changes().isEmpty()) {
                        assertThat(after.totalScore().subtract(e.totalScore())).as(s.text()).isEqualByComparingTo(s.gain());
                        assertThat(after.totalScore()).isEqualByComparingTo(s.newTotal());
                    } else {
                        // a claim that takes evidence gains once it is given: as declared now
                        assertThat(after.declaredScore().subtract(e.declaredScore())).as(s.text()).isEqualByComparingTo(s.gain());
                        assertThat(e.totalScore().add(s.gain())).isEqualByComparingTo(s.newTotal());
                    }
                    assertThat(s.gain().signum() > 0 || s.makesEligible()).isTrue();
                    assertThat(after.gates().stream().filter(g -> !g.passed()).map(Evaluation.GateResult::ruleId))
                            .as("no suggestion breaks a gate").allMatch(id -> e.gates().stream()
                                    .anyMatch(g -> g.ruleId().equals(id) && !g.passed()));
                    assertThat(s.changes()).allSatisfy(c -> assertThat(c.field())
                            .as("only what a project can change").doesNotStartWith("applicant.")
                            .isNotIn("techAreas", "scenario.sector", "program", "budget.total", "green.greenFactory"));
                }
                // what the project can do at once first, then what also needs evidence; by gain within each
                for (boolean needsEvidence : List.of(false, true)) {
                    List<java.math.BigDecimal> gains = e.suggestions().stream()
                            .filter(s -> !s.makesEligible() && (s.evidenceFor() != null) == needsEvidence)
                            .map(Evaluation.Suggestion::gain).toList();
                    assertThat(gains).isSortedAccordingTo(java.util.Comparator.reverseOrder());
                }
                assertThat(e.suggestions().stream().filter(s -> !s.makesEligible()).map(s -> s.evidenceFor() != null).toList())
                        .isSortedAccordingTo(Boolean::compare);
            }
        }
    }
}
