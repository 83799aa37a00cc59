package org.policyevaluator.batch;

import java.math.BigDecimal;
import java.util.Map;
import org.policyevaluator.evaluation.Outcome;
import org.policyevaluator.evaluation.Rankable;

/**
 * What a large batch keeps in memory of each evaluation: the scores ranking and the ranking sheet need,
 * and where the outcome lies in the spool file (offset and length; 0 when kept in memory), its why-nots
 * after it ({@code whyNotLength} bytes, from offset + length + 1): an output that does not print them need
 * not read them.
 */
public record ScoreRow(int position, String applicationId, String title, String applicant, String program,
                       boolean eligible, BigDecimal totalScore, BigDecimal maxScore, String grade,
                       Map<String, BigDecimal> dimensions, int flags, BigDecimal declaredScore, boolean reviewRequired,
                       long offset, int length, int whyNotLength) implements Rankable {

    static ScoreRow of(int position, Outcome o, long offset, int length, int whyNotLength) {
        Map<String, BigDecimal> dims = new java.util.LinkedHashMap<>();
        for (var d : o.dimensions()) {
            dims.put(d.id(), d.score());
        }
        return new ScoreRow(position, o.applicationId(), o.title(), o.applicant(), o.program(), o.eligible(),
                o.totalScore(), o.maxScore(), o.grade(), dims, o.flags().size(), o.declaredScore(), o.review().required(),
                offset, length, whyNotLength);
    }

    @Override
    public BigDecimal dimensionScore(String dimension) {
        return dimensions.getOrDefault(dimension, BigDecimal.ZERO);
    }
}
