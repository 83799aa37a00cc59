package org.policyevaluator.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The explained evaluation of one application (SPEC.md, "Evaluation"). Dimension scores add up to
 * the total exactly; every finding, gate and flag names its rule, its clauses and the values it used.
 */
public record Evaluation(
        String applicationId,
        String title,
        String applicant,
        String program,
        String rulesetVersion,
        BigDecimal totalScore,
        BigDecimal maxScore,
        String grade,
        boolean eligible,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer rank,
        List<DimensionScore> dimensions,
        List<GateResult> gates,
        List<FlagResult> flags,
        List<Finding> findings) {

    public record DimensionScore(String id, String name, BigDecimal score, BigDecimal maxScore) {
    }

    /** A clause a rule encodes: its id, the phrase of the policy the rule rests on, and the source line(s). */
    public record ClauseRef(String id, String quote, String line) {
    }

    public record Finding(String ruleId, String title, String dimension, BigDecimal points, BigDecimal maxPoints,
                          String reason, Map<String, Object> evidence, List<ClauseRef> clauses) {
    }

    public record GateResult(String ruleId, String title, boolean passed, String reason, Map<String, Object> evidence,
                             List<ClauseRef> clauses) {
    }

    public record FlagResult(String ruleId, String severity, String message, Map<String, Object> evidence,
                             List<ClauseRef> clauses) {
    }

    public Evaluation withRank(Integer newRank) {
        return new Evaluation(applicationId, title, applicant, program, rulesetVersion, totalScore, maxScore, grade,
                eligible, newRank, dimensions, gates, flags, findings);
    }

    public BigDecimal dimensionScore(String dimensionId) {
        return dimensions.stream().filter(d -> d.id().equals(dimensionId)).map(DimensionScore::score).findFirst()
                .orElse(BigDecimal.ZERO);
    }
}
