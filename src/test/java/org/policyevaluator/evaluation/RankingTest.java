package org.policyevaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyevaluator.TestSupport.EVALUATOR;
import static org.policyevaluator.TestSupport.RULES;
import static org.policyevaluator.TestSupport.bind;
import static org.policyevaluator.TestSupport.with;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranking by total, ties broken in the programme's order of priorities and reported. */
class RankingTest {

    private static Evaluation eval(String id, Object... fields) {
        var json = with(fields);
        json.put("applicationId", id);
        return EVALUATOR.evaluate(bind(json), "general", "en");
    }

    @Test
    void rankWhenTotalsTieShouldBreakByTheFirstDifferingDimensionAndReportIt() {
        // both 4 points: domestic compute (DC-030) beats AI+ application (AP-020) in general's tie-break order
        Evaluation compute = eval("B", "compute.domesticComputingCenter", true);
        Evaluation application = eval("A", "scenario.industryModel", true);
        Evaluation top = eval("C", "techAreas", List.of("AI_CHIP"));
        List<Evaluation> ranked = Ranking.rank(List.of(application, compute, top), RULES.tables());
        assertThat(ranked).extracting(Evaluation::applicationId, Evaluation::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 3), org.assertj.core.groups.Tuple.tuple("B", 2),
                        org.assertj.core.groups.Tuple.tuple("C", 1));
        assertThat(ranked.get(1).tieBreaks()).containsExactly(
                new Evaluation.TieBreak("A", "domesticCompute", new java.math.BigDecimal("4"), java.math.BigDecimal.ZERO, "above"));
        assertThat(ranked.get(0).tieBreaks()).containsExactly(
                new Evaluation.TieBreak("B", "domesticCompute", java.math.BigDecimal.ZERO, new java.math.BigDecimal("4"), "below"));
        assertThat(ranked.get(2).tieBreaks()).isEmpty();
    }

    @Test
    void rankWhenEqualOnEveryCriterionShouldShareTheRank() {
        List<Evaluation> ranked = Ranking.rank(List.of(eval("X", "innovation.openCall", true),
                eval("Y", "innovation.openSource", true)), RULES.tables());
        assertThat(ranked).extracting(Evaluation::rank).containsExactly(1, 1);
        assertThat(ranked.get(0).tieBreaks()).singleElement().extracting(Evaluation.TieBreak::outcome).isEqualTo("shared");
    }

    @Test
    void rankShouldLeaveIneligibleApplicationsUnranked() {
        List<Evaluation> ranked = Ranking.rank(List.of(eval("X", "budget.requested", 900), eval("Y")), RULES.tables());
        assertThat(ranked).extracting(Evaluation::rank).containsExactly(null, 1);
    }
}
