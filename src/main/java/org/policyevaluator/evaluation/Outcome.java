package org.policyevaluator.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.policyevaluator.intake.ApplicationEditor.Change;

/**
 * What the engine decided for one application, before any of it is put into words: scores, the rules
 * that gave them with the values they used, gates, flags, the rules that gave less than their maximum
 * (with the values their explanation needs) and verified suggestions. Language-neutral: an
 * {@link EvaluationRenderer} words it in Chinese or English when it is written, so a batch renders only
 * what its output prints, and switching language does not evaluate again. Rank and tie-breaks are the
 * batch's ({@link Ranking}), not the application's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outcome(String applicationId, String title, String applicant, String program, String rulesetVersion,
                      BigDecimal totalScore, BigDecimal maxScore, String grade, boolean eligible,
                      BigDecimal declaredScore, Review review,
                      List<Dimension> dimensions, List<Award> findings, List<Pending> pending, List<Gate> gates,
                      List<Flag> flags, List<Shortfall> whyNot, List<Suggested> suggestions) implements Rankable {

    /**
     * Points a rule would give as declared that the total leaves out: the claims they rest on that lack the
     * evidence the programme asks for (each with its kind and how many valid references back it), and the
     * flags that hold them until a reviewer clears them.
     */
    public record Pending(String ruleId, BigDecimal points, List<org.policyevaluator.evidence.Evidence.Withheld> claims,
                          List<String> heldBy) {
    }

    /** Whether a reviewer must look before the score stands, and the flags that say so (hold or block). */
    public record Review(boolean required, List<String> flags, boolean blocked) {
        public static final Review NONE = new Review(false, List.of(), false);
    }

    /** A dimension's score and maximum under the programme. */
    public record Dimension(String id, BigDecimal score, BigDecimal maxScore) {
    }

    /** Points a score rule gave: the band's threshold (null for a yes/no rule) and the values the rule used. */
    public record Award(String ruleId, BigDecimal points, BigDecimal maxPoints, Double threshold,
                        Map<String, Object> evidence) {
    }

    /** An eligibility gate checked: passed, or failed with the values the rule used. */
    public record Gate(String ruleId, boolean passed, Map<String, Object> evidence) {
    }

    /** A flag raised for a human reviewer, with its consequence (tables/flags.csv): note, check, hold or block. */
    public record Flag(String ruleId, String severity, String consequence, Map<String, Object> evidence) {
    }

    /**
     * A score rule (or group of rules) that gave less than its maximum, and the values its explanation
     * names: for a banded rule the value measured ({@code value}), else the facts its why-not message names.
     */
    public record Shortfall(String ruleId, BigDecimal points, BigDecimal maxPoints, Map<String, Object> values) {
    }

    /**
     * A change that raises the total (or restores eligibility), as the engine found by evaluating it; for a
     * claim that takes evidence ({@code evidenceFor}, else null), the gain it brings once the evidence is given.
     */
    public record Suggested(List<String> ruleIds, List<Change> changes, BigDecimal gain, BigDecimal newTotal,
                            boolean makesEligible, String evidenceFor) {
    }

    public Outcome withSuggestions(List<Suggested> newSuggestions) {
        return new Outcome(applicationId, title, applicant, program, rulesetVersion, totalScore, maxScore, grade, eligible,
                declaredScore, review, dimensions, findings, pending, gates, flags, whyNot, newSuggestions);
    }

    /** The same outcome with other why-nots (null: none given, as a spool keeps an outcome apart from its why-nots). */
    public Outcome withWhyNot(List<Shortfall> newWhyNot) {
        return new Outcome(applicationId, title, applicant, program, rulesetVersion, totalScore, maxScore, grade, eligible,
                declaredScore, review, dimensions, findings, pending, gates, flags, newWhyNot, suggestions);
    }

    @Override
    public BigDecimal dimensionScore(String dimensionId) {
        for (Dimension d : dimensions) {
            if (d.id().equals(dimensionId)) {
                return d.score();
            }
        }
        return BigDecimal.ZERO;
    }
}
