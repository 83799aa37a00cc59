package org.policyevaluator.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyevaluator.rules.PolicyTables;
import org.policyevaluator.rules.Programme;

/**
 * Ranks the eligible evaluations of a batch within each programme: by total score, ties broken by the
 * dimension scores in the programme's tie-break order (as Horizon Europe breaks ties by criterion).
 * Applications equal on all of these share a rank. Every tie on the total is reported on both
 * applications, with the dimension that decided it. Ineligible applications get no rank.
 */
public final class Ranking {
    private Ranking() {
    }

    public static List<Evaluation> rank(List<Evaluation> evaluations, PolicyTables tables) {
        Map<String, List<Evaluation>> byProgramme = new LinkedHashMap<>();
        for (Evaluation e : evaluations) {
            if (e.eligible()) {
                byProgramme.computeIfAbsent(e.program(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, Integer> ranks = new HashMap<>();
        Map<String, List<Evaluation.TieBreak>> ties = new HashMap<>();
        for (var entry : byProgramme.entrySet()) {
            Programme programme = tables.programme(entry.getKey());
            Comparator<Evaluation> order = order(programme);
            List<Evaluation> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(order.thenComparing(Evaluation::applicationId));
            for (int i = 0; i < sorted.size(); i++) {
                Evaluation e = sorted.get(i);
                Evaluation previous = i > 0 ? sorted.get(i - 1) : null;
                boolean fullTie = previous != null && order.compare(previous, e) == 0;
                ranks.put(e.applicationId(), fullTie ? ranks.get(previous.applicationId()) : i + 1);
                if (previous != null && previous.totalScore().compareTo(e.totalScore()) == 0) {
                    recordTie(programme, previous, e, ties);
                }
            }
        }
        List<Evaluation> out = new ArrayList<>(evaluations.size());
        for (Evaluation e : evaluations) {
            out.add(e.ranked(ranks.get(e.applicationId()), ties.getOrDefault(e.applicationId(), List.of())));
        }
        return out;
    }

    private static void recordTie(Programme programme, Evaluation above, Evaluation below,
                                  Map<String, List<Evaluation.TieBreak>> ties) {
        for (String d : programme.tieBreak()) {
            var a = above.dimensionScore(d);
            var b = below.dimensionScore(d);
            if (a.compareTo(b) != 0) {
                ties.computeIfAbsent(above.applicationId(), k -> new ArrayList<>())
                        .add(new Evaluation.TieBreak(below.applicationId(), d, a, b, "above"));
                ties.computeIfAbsent(below.applicationId(), k -> new ArrayList<>())
                        .add(new Evaluation.TieBreak(above.applicationId(), d, b, a, "below"));
                return;
            }
        }
        ties.computeIfAbsent(above.applicationId(), k -> new ArrayList<>())
                .add(new Evaluation.TieBreak(below.applicationId(), null, null, null, "shared"));
        ties.computeIfAbsent(below.applicationId(), k -> new ArrayList<>())
                .add(new Evaluation.TieBreak(above.applicationId(), null, null, null, "shared"));
    }

    /** Best first: higher total, then higher score in each tie-break dimension in turn. */
    public static Comparator<Evaluation> order(Programme programme) {
        Comparator<Evaluation> c = Comparator.comparing(Evaluation::totalScore).reversed();
        for (String dimension : programme.tieBreak()) {
            c = c.thenComparing(Comparator.comparing((Evaluation e) -> e.dimensionScore(dimension)).reversed());
        }
        return c;
    }
}
