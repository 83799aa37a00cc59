package org.policyevaluator.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The funding line under a budget (万元): down the ranking, each eligible application is funded while what it
 * requests fits in what is left; the first that does not fit, and every one after it, form the reserve list in
 * order. Drawn twice — on the panel's final ranking and on the engine's alone — to say who crosses the line.
 */
public final class FundingLine {

    public record Line(BigDecimal budget, BigDecimal used, BigDecimal left, List<Panel.Row> funded, List<Panel.Row> reserve,
                       List<String> fundedOnlyByThePanel, List<String> fundedOnlyByTheEngine) {
    }

    private FundingLine() {
    }

    public static Line draw(List<Panel.Row> rows, BigDecimal budget) {
        List<Panel.Row> byPanel = rows.stream().filter(r -> r.eligible() && r.rank() != null)
                .sorted(Comparator.comparing(Panel.Row::rank).thenComparing(Panel.Row::applicationId)).toList();
        List<Panel.Row> byEngine = rows.stream().filter(r -> r.eligible() && r.engineRank() != null)
                .sorted(Comparator.comparing(Panel.Row::engineRank).thenComparing(Panel.Row::applicationId)).toList();
        List<Panel.Row> funded = new ArrayList<>();
        List<Panel.Row> reserve = new ArrayList<>();
        BigDecimal left = fund(byPanel, budget, funded, reserve);
        List<Panel.Row> engineFunded = new ArrayList<>();
        fund(byEngine, budget, engineFunded, new ArrayList<>());
        Set<String> panelIds = new HashSet<>();
        funded.forEach(r -> panelIds.add(r.applicationId()));
        Set<String> engineIds = new HashSet<>();
        engineFunded.forEach(r -> engineIds.add(r.applicationId()));
        return new Line(budget, budget.subtract(left), left, List.copyOf(funded), List.copyOf(reserve),
                funded.stream().map(Panel.Row::applicationId).filter(id -> !engineIds.contains(id)).toList(),
                engineFunded.stream().map(Panel.Row::applicationId).filter(id -> !panelIds.contains(id)).toList());
    }

    private static BigDecimal fund(List<Panel.Row> ranked, BigDecimal budget, List<Panel.Row> funded, List<Panel.Row> reserve) {
        BigDecimal left = budget;
        boolean drawn = false;
        for (Panel.Row r : ranked) {
            BigDecimal asks = r.requested() == null ? BigDecimal.ZERO : r.requested();
            if (!drawn && asks.compareTo(left) <= 0) {
                funded.add(r);
                left = left.subtract(asks);
            } else {
                drawn = true;
                reserve.add(r);
            }
        }
        return left;
    }
}
