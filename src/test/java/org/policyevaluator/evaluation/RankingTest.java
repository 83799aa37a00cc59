package org.policyevaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyevaluator.TestSupport.EVALUATOR;
import static org.policyevaluator.TestSupport.RULES;
import static org.policyevaluator.TestSupport.bind;
import static org.policyevaluator.TestSupport.with;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ranking by total, ties broken in the programme's order of priorities and reported. */
class RankingTest {

    private static Outcome eval(String id, Object... fields) {
        var json = with(fields);
        json.put("applicationId", id);
        return EVALUATOR.decide(bind(json), "general");
    }

    private static Map<String, Ranking.Placement> place(Outcome... outcomes) {
        return Ranking.place(List.of(outcomes), RULES.tables());
    }

    @Test
    void placeWhenTotalsTieShouldBreakByTheFirstDifferingDimensionAndReportIt() {
        // both 4 points: domestic compute (DC-030) beats AI+ application (AP-032) in general's tie-break order
        Map<String, Ranking.Placement> p = place(eval("A", "scenario.sector", "HEALTHCARE"),
                eval("B", "compute.domesticComputingCenter", true), eval("C", "techAreas", List.of("AI_CHIP")));
        assertThat(p.get("A").rank()).isEqualTo(3);
        assertThat(p.get("B").rank()).isEqualTo(2);
        assertThat(p.get("C").rank()).isEqualTo(1);
        assertThat(p.get("B").tieBreaks()).containsExactly(
                new Evaluation.TieBreak("A", "domesticCompute", new BigDecimal("4"), BigDecimal.ZERO, "above"));
        assertThat(p.get("A").tieBreaks()).containsExactly(
                new Evaluation.TieBreak("B", "domesticCompute", BigDecimal.ZERO, new BigDecimal("4"), "below"));
        assertThat(p.get("C").tieBreaks()).isEmpty();
    }

    @Test
    void placeWhenEqualOnEveryCriterionShouldShareTheRank() {
        Map<String, Ranking.Placement> p = place(eval("X", "innovation.openCall", true), eval("Y", "innovation.openSource", true));
        assertThat(p.get("X").rank()).isEqualTo(1);
        assertThat(p.get("Y").rank()).isEqualTo(1);
        assertThat(p.get("X").tieBreaks()).singleElement().extracting(Evaluation.TieBreak::outcome).isEqualTo("shared");
    }

    @Test
    void placeShouldLeaveIneligibleApplicationsUnranked() {
        Map<String, Ranking.Placement> p = place(eval("X", "budget.requested", 900), eval("Y"));
        assertThat(p.get("X").rank()).isNull();
        assertThat(p.get("Y").rank()).isEqualTo(1);
    }

    @Test
    void listOrderShouldPutRankedFirstThenTheUnrankedByTotalThenById() {
        Outcome ineligibleHigh = eval("Z", "budget.requested", 900, "techAreas", List.of("AI_CHIP"));
        Outcome ineligibleLow = eval("W", "budget.requested", 900);
        Outcome second = eval("B", "innovation.openCall", true);
        Outcome first = eval("A", "techAreas", List.of("AI_CHIP"));
        List<Outcome> all = List.of(ineligibleLow, second, ineligibleHigh, first);
        assertThat(Ranking.listOrder(all, Ranking.place(all, RULES.tables()))).extracting(Outcome::applicationId)
                .containsExactly("A", "B", "Z", "W");
    }
}
