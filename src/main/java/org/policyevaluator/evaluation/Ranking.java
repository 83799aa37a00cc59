package org.policyevaluator.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyevaluator.rules.Programme;
import org.policyevaluator.rules.PolicyTables;

/**
 * Ranks the eligible evaluations of a batch within each programme: by total score, ties broken by the
 * dimension scores in the programme's tie-break order. Applications equal on all of these share a
 * rank. Ineligible applications get no rank.
 */
final class Ranking {
    private Ranking() {
    }

    static List<Evaluation> rank(List<Evaluation> evaluations, PolicyTables tables) {
        Map<String, List<Evaluation>> byProgramme = new LinkedHashMap<>();
        for (Evaluation e : evaluations) {
            if (e.eligible()) {
                byProgramme.computeIfAbsent(e.program(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<Evaluation, Integer> ranks = new HashMap<>();
        for (var entry : byProgramme.entrySet()) {
            Comparator<Evaluation> order = order(tables.programme(entry.getKey()));
            List<Evaluation> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(order.thenComparing(Evaluation::applicationId));
            for (int i = 0; i < sorted.size(); i++) {
                boolean tiedWithPrevious = i > 0 && order.compare(sorted.get(i - 1), sorted.get(i)) == 0;
                ranks.put(sorted.get(i), tiedWithPrevious ? ranks.get(sorted.get(i - 1)) : i + 1);
            }
        }
        List<Evaluation> out = new ArrayList<>(evaluations.size());
        for (Evaluation e : evaluations) {
            out.add(e.withRank(ranks.get(e)));
        }
        return out;
    }

    /** Best first: higher total, then higher score in each tie-break dimension in turn. */
    static Comparator<Evaluation> order(Programme programme) {
        Comparator<Evaluation> c = Comparator.comparing(Evaluation::totalScore).reversed();
        for (String dimension : programme.tieBreak()) {
            c = c.thenComparing(Comparator.comparing((Evaluation e) -> e.dimensionScore(dimension)).reversed());
        }
        return c;
    }
}
