package org.policyevaluator.batch;

import java.math.BigDecimal;
import java.util.Map;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.evaluation.Rankable;

/**
 * What a large batch keeps in memory of each evaluation: the scores ranking and the ranking sheet need,
 * and where the whole evaluation lies in the spool file.
 */
public record ScoreRow(int position, String applicationId, String title, String applicant, String program,
                       boolean eligible, BigDecimal totalScore, BigDecimal maxScore, String grade,
                       Map<String, BigDecimal> dimensions, Map<String, String> dimensionNames, int flags, long offset,
                       int length) implements Rankable {

    static ScoreRow of(int position, Evaluation e, long offset, int length) {
        Map<String, BigDecimal> dims = new java.util.LinkedHashMap<>();
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (var d : e.dimensions()) {
            dims.put(d.id(), d.score());
            names.put(d.id(), d.name());
        }
        return new ScoreRow(position, e.applicationId(), e.title(), e.applicant(), e.program(), e.eligible(),
                e.totalScore(), e.maxScore(), e.grade(), dims, names, e.flags().size(), offset, length);
    }

    @Override
    public BigDecimal dimensionScore(String dimension) {
        return dimensions.getOrDefault(dimension, BigDecimal.ZERO);
    }
}
