package org.policyevaluator.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.evaluation.Rankable;
import org.policyevaluator.evaluation.Ranking;
import org.policyevaluator.rules.PolicyTables;

/**
 * A panel's view of a batch, worked out from the engine's evaluations, the reviews submitted and the consensus
 * recorded: per application the reviewers' totals, their mean and spread (marked divergent beyond the
 * programme's {@code panel.divergence}), the mean after normalising each reviewer to the panel's scale, and the
 * final score that ranks it — the consensus, else the mean of the reviews once {@code panel.minReviews} are in,
 * else the engine's. Ranked as the engine ranks (per programme, ties by the programme's order of dimensions).
 */
public final class Panel {
    /** How a lenient or harsh reviewer is brought to the panel's scale (said with every panel view). */
    public static final String NORMALISATION = "z-score per reviewer over the batch, rescaled to the mean and standard "
            + "deviation of all the panel's totals; a reviewer with one review, or with all totals alike, is shifted by "
            + "their own mean only";

    /** A submitted review: each dimension's score, and what the reviewer recommends. */
    public record Review(String reviewer, Map<String, BigDecimal> dimensions, String comment, String recommendation,
                         String submittedAt) {
        public BigDecimal total() {
            return dimensions.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The consensus a chair recorded. */
    public record Consensus(String chair, Map<String, BigDecimal> dimensions, String comment, String recordedAt) {
        public BigDecimal total() {
            return dimensions.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** What the panel has on one application. */
    public record Input(String evaluationId, Evaluation engine, BigDecimal requested, List<Review> reviews,
                       Consensus consensus) {
    }

    /** One reviewer's total on an application, raw and normalised. */
    public record ReviewerScore(String reviewer, BigDecimal total, BigDecimal normalised, String recommendation) {
    }

    /** One application as the panel sees it. */
    public record Row(String evaluationId, String applicationId, String title, String applicant, String program,
                      boolean eligible, BigDecimal requested, BigDecimal engineScore, Integer engineRank,
                      List<ReviewerScore> reviews, BigDecimal mean, BigDecimal spread, boolean divergent,
                      BigDecimal normalisedMean, Consensus consensus, BigDecimal finalScore, String finalFrom,
                      Map<String, BigDecimal> finalDimensions, Integer rank) implements Rankable {
        @Override
        public BigDecimal totalScore() {
            return finalScore;
        }

        @Override
        public BigDecimal dimensionScore(String dimension) {
            return finalDimensions.getOrDefault(dimension, BigDecimal.ZERO);
        }
    }

    private Panel() {
    }

    public static List<Row> view(List<Input> inputs, PolicyTables tables) {
        Map<String, List<BigDecimal>> byReviewer = new HashMap<>();
        List<BigDecimal> all = new ArrayList<>();
        for (Input in : inputs) {
            for (Review r : in.reviews()) {
                byReviewer.computeIfAbsent(r.reviewer(), k -> new ArrayList<>()).add(r.total());
                all.add(r.total());
            }
        }
        double panelMean = mean(all);
        double panelSd = sd(all, panelMean);
        List<Row> rows = new ArrayList<>();
        for (Input in : inputs) {
            Evaluation e = in.engine();
            List<ReviewerScore> scores = new ArrayList<>();
            BigDecimal min = null;
            BigDecimal max = null;
            for (Review r : in.reviews()) {
                List<BigDecimal> own = byReviewer.get(r.reviewer());
                double m = mean(own);
                double s = sd(own, m);
                double z = own.size() > 1 && s > 0 ? panelMean + (r.total().doubleValue() - m) / s * panelSd
                        : r.total().doubleValue() - m + panelMean;
                scores.add(new ReviewerScore(r.reviewer(), r.total(), round(BigDecimal.valueOf(z)), r.recommendation()));
                min = min == null || r.total().compareTo(min) < 0 ? r.total() : min;
                max = max == null || r.total().compareTo(max) > 0 ? r.total() : max;
            }
            BigDecimal mean = scores.isEmpty() ? null
                    : round(scores.stream().map(ReviewerScore::total).reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(scores.size()), 6, RoundingMode.HALF_UP));
            BigDecimal normalised = scores.isEmpty() ? null
                    : round(scores.stream().map(ReviewerScore::normalised).reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(scores.size()), 6, RoundingMode.HALF_UP));
            BigDecimal spread = scores.size() < 2 ? null : max.subtract(min);
            boolean divergent = spread != null
                    && spread.doubleValue() > tables.num(e.program(), "panel.divergence");
            Map<String, BigDecimal> finalDimensions = new LinkedHashMap<>();
            String from;
            if (in.consensus() != null) {
                from = "consensus";
                finalDimensions.putAll(in.consensus().dimensions());
            } else if (!in.reviews().isEmpty() && in.reviews().size() >= tables.num(e.program(), "panel.minReviews")) {
                from = "reviews";
                for (Evaluation.DimensionScore d : e.dimensions()) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (Review r : in.reviews()) {
                        sum = sum.add(r.dimensions().getOrDefault(d.id(), BigDecimal.ZERO));
                    }
                    finalDimensions.put(d.id(), round(sum.divide(BigDecimal.valueOf(in.reviews().size()), 6,
                            RoundingMode.HALF_UP)));
                }
            } else {
                from = "engine";
                e.dimensions().forEach(d -> finalDimensions.put(d.id(), d.score()));
            }
            BigDecimal finalScore = from.equals("reviews") ? mean
                    : round(finalDimensions.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            rows.add(new Row(in.evaluationId(), e.applicationId(), e.title(), e.applicant(), e.program(), e.eligible(),
                    in.requested(), e.totalScore(), null, List.copyOf(scores), mean, spread, divergent, normalised,
                    in.consensus(), finalScore, from, Map.copyOf(finalDimensions), null));
        }
        Map<String, Ranking.Placement> engine = Ranking.place(inputs.stream().map(Input::engine).toList(), tables);
        Map<String, Ranking.Placement> panel = Ranking.place(rows, tables);
        List<Row> placed = new ArrayList<>();
        for (Row r : rows) {
            placed.add(new Row(r.evaluationId(), r.applicationId(), r.title(), r.applicant(), r.program(), r.eligible(),
                    r.requested(), r.engineScore(), engine.get(r.applicationId()).rank(), r.reviews(), r.mean(), r.spread(),
                    r.divergent(), r.normalisedMean(), r.consensus(), r.finalScore(), r.finalFrom(), r.finalDimensions(),
                    panel.get(r.applicationId()).rank()));
        }
        return Ranking.listOrder(placed, panel);
    }

    private static double mean(List<BigDecimal> xs) {
        return xs.stream().mapToDouble(BigDecimal::doubleValue).average().orElse(0);
    }

    private static double sd(List<BigDecimal> xs, double mean) {
        if (xs.size() < 2) {
            return 0;
        }
        double ss = xs.stream().mapToDouble(x -> (x.doubleValue() - mean) * (x.doubleValue() - mean)).sum();
        return Math.sqrt(ss / xs.size());
    }

    static BigDecimal round(BigDecimal x) {
        BigDecimal r = x.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
