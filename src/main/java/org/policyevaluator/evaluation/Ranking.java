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
 * Ranks the eligible applications of a batch within each programme: by total score, ties broken by the
 * dimension scores in the programme's tie-break order (as Horizon Europe breaks ties by criterion).
 * Applications equal on all of these share a rank. Every tie on the total is reported on both
 * applications, with the dimension that decided it. Ineligible applications get no rank. Ranking needs
 * only the scores ({@link Rankable}), so a large batch is ranked without holding its evaluations.
 */
public final class Ranking {

    /** Where an application stands: its rank (null when ineligible) and the ties that were broken. */
    public record Placement(Integer rank, List<Evaluation.TieBreak> tieBreaks) {
        static final Placement UNRANKED = new Placement(null, List.of());
    }

    private Ranking() {
    }

    /**
     * The order every ranking lists a batch in (report sheets, text, pages): ranked applications by rank,
     * then the unranked (ineligible) by total, highest first; ties by application id.
     */
    public static <T extends Rankable> List<T> listOrder(List<T> items, Map<String, Placement> placements) {
        record Placed<T>(T item, int rank) {
        }
        List<Placed<T>> sorted = new ArrayList<>(items.size());
        for (T r : items) { // each rank looked up once, not at every comparison
            Integer rank = placements.get(r.applicationId()).rank();
            sorted.add(new Placed<>(r, rank == null ? Integer.MAX_VALUE : rank));
        }
        sorted.sort(Comparator.comparingInt((Placed<T> p) -> p.rank())
                .thenComparing((Placed<T> p) -> p.item().totalScore(), Comparator.reverseOrder())
                .thenComparing(p -> p.item().applicationId()));
        return sorted.stream().map(Placed::item).toList();
    }

    /** Placement by applicationId (unique within a batch), for every item. */
    public static Map<String, Placement> place(List<? extends Rankable> items, PolicyTables tables) {
        Map<String, List<Rankable>> byProgramme = new LinkedHashMap<>();
        Map<String, Placement> placements = new HashMap<>();
        for (Rankable e : items) {
            placements.put(e.applicationId(), Placement.UNRANKED);
            if (e.eligible()) {
                byProgramme.computeIfAbsent(e.program(), k -> new ArrayList<>()).add(e);
            }
        }
        for (var entry : byProgramme.entrySet()) {
            Programme programme = tables.programme(entry.getKey());
            Comparator<Rankable> order = order(programme);
            List<Rankable> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(order.thenComparing(Rankable::applicationId));
            Map<String, Integer> ranks = new HashMap<>();
            Map<String, List<Evaluation.TieBreak>> ties = new HashMap<>();
            for (int i = 0; i < sorted.size(); i++) {
                Rankable e = sorted.get(i);
                Rankable previous = i > 0 ? sorted.get(i - 1) : null;
                boolean fullTie = previous != null && order.compare(previous, e) == 0;
                ranks.put(e.applicationId(), fullTie ? ranks.get(previous.applicationId()) : i + 1);
                if (previous != null && previous.totalScore().compareTo(e.totalScore()) == 0) {
                    recordTie(programme, previous, e, ties);
                }
            }
            for (Rankable e : sorted) {
                placements.put(e.applicationId(), new Placement(ranks.get(e.applicationId()),
                        List.copyOf(ties.getOrDefault(e.applicationId(), List.of()))));
            }
        }
        return placements;
    }

    private static void recordTie(Programme programme, Rankable above, Rankable below,
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
    public static Comparator<Rankable> order(Programme programme) {
        Comparator<Rankable> c = Comparator.comparing(Rankable::totalScore).reversed();
        for (String dimension : programme.tieBreak()) {
            c = c.thenComparing(Comparator.comparing((Rankable e) -> e.dimensionScore(dimension)).reversed());
        }
        return c;
    }
}
