package org.policyevaluator.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.policyevaluator.intake.ApplicationEditor.Change;

/**
 * The explained evaluation of one application, in words. Dimension scores add up to
 * the total exactly; every finding, gate and flag names its rule, its clauses and the values it used;
 * {@code whyNot} says for every rule that gave less than its maximum which condition was not met;
 * {@code suggestions} are changes whose gain was obtained by evaluating the changed application.
 * {@code evaluationId} is set once the evaluation is stored.
 */
public record Evaluation(
        @JsonInclude(JsonInclude.Include.NON_NULL) String evaluationId,
        String applicationId,
        String title,
        String applicant,
        String program,
        String rulesetVersion,
        BigDecimal totalScore,
        BigDecimal maxScore,
        String grade,
        boolean eligible,
        BigDecimal declaredScore,
        Review review,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer rank,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TieBreak> tieBreaks,
        List<DimensionScore> dimensions,
        List<GateResult> gates,
        List<FlagResult> flags,
        List<Finding> findings,
        List<PendingAward> pending,
        List<WhyNot> whyNot,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Suggestion> suggestions) implements Rankable {

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

    /** A flag, with its consequence: note, check, hold (the points of the rules it doubts) or block (eligibility). */
    public record FlagResult(String ruleId, String severity, String consequence, String message, Map<String, Object> evidence,
                             List<ClauseRef> clauses) {
    }

    /**
     * Points a rule would give as declared that {@code totalScore} leaves out until evidence is given or a
     * reviewer clears a flag: the claims they rest on (field paths, or field.CODE), the flags that hold them,
     * and what would release them, in words.
     */
    public record PendingAward(String ruleId, String title, String dimension, BigDecimal points, List<String> claims,
                               List<String> heldBy, String reason) {
    }

    /** Whether a reviewer must look before the score stands; the reasons in words; blocked: not eligible until cleared. */
    public record Review(boolean required, boolean blocked, List<String> reasons) {
    }

    /** A score rule that gave less than its maximum, and which condition was not met, with the values. */
    public record WhyNot(String ruleId, String title, String dimension, BigDecimal points, BigDecimal maxPoints,
                         String reason) {
    }

    /**
     * A change that raises the total by {@code gain} (or restores eligibility), found by evaluating the
     * changed application: the numbers are the engine's, not an estimate.
     */
    public record Suggestion(List<String> ruleIds, List<Change> changes, BigDecimal gain, BigDecimal newTotal,
                             boolean makesEligible, @JsonInclude(JsonInclude.Include.NON_NULL) String evidenceFor, String text) {
    }

    /**
     * How a tie on the total with another application was broken: by the first dimension, in the
     * programme's tie-break order, on which they differ ({@code decidedBy} is null when they are equal on
     * all of them and share the rank).
     */
    public record TieBreak(String tiedWith, String decidedBy, BigDecimal score, BigDecimal otherScore,
                           String outcome) {
    }

    public Evaluation ranked(Integer newRank, List<TieBreak> newTieBreaks) {
        return new Evaluation(evaluationId, applicationId, title, applicant, program, rulesetVersion, totalScore, maxScore, grade,
                eligible, declaredScore, review, newRank, newTieBreaks, dimensions, gates, flags, findings, pending, whyNot, suggestions);
    }

    public Evaluation withSuggestions(List<Suggestion> newSuggestions) {
        return new Evaluation(evaluationId, applicationId, title, applicant, program, rulesetVersion, totalScore, maxScore, grade,
                eligible, declaredScore, review, rank, tieBreaks, dimensions, gates, flags, findings, pending, whyNot, newSuggestions);
    }

    public Evaluation withEvaluationId(String id) {
        return new Evaluation(id, applicationId, title, applicant, program, rulesetVersion, totalScore, maxScore, grade,
                eligible, declaredScore, review, rank, tieBreaks, dimensions, gates, flags, findings, pending, whyNot, suggestions);
    }

    public BigDecimal dimensionScore(String dimensionId) {
        return dimensions.stream().filter(d -> d.id().equals(dimensionId)).map(DimensionScore::score).findFirst()
                .orElse(BigDecimal.ZERO);
    }
}
