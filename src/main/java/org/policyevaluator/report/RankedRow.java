package org.policyevaluator.report;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.policyevaluator.evaluation.Evaluation;

/**
 * One line of a ranking: all a report needs of an evaluation besides its findings, so that a batch of
 * any size is ranked and listed from these alone.
 */
public record RankedRow(Integer rank, String applicationId, String title, String applicant, String program,
                        BigDecimal totalScore, BigDecimal maxScore, String grade, boolean eligible,
                        Map<String, BigDecimal> dimensions, Map<String, String> dimensionNames, int flags,
                        BigDecimal declaredScore, boolean reviewRequired) {

    public static RankedRow of(Evaluation e) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (var d : e.dimensions()) {
            scores.put(d.id(), d.score());
            names.put(d.id(), d.name());
        }
        return new RankedRow(e.rank(), e.applicationId(), e.title(), e.applicant(), e.program(), e.totalScore(),
                e.maxScore(), e.grade(), e.eligible(), scores, names, e.flags().size(), e.declaredScore(),
                e.review() != null && e.review().required());
    }

    public BigDecimal dimensionScore(String d) {
        return dimensions.getOrDefault(d, BigDecimal.ZERO);
    }
}
