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
                      List<Dimension> dimensions, List<Award> findings, List<Gate> gates, List<Flag> flags,
                      List<Shortfall> whyNot, List<Suggested> suggestions) implements Rankable {

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

    /** A flag raised for a human reviewer. */
    public record Flag(String ruleId, String severity, Map<String, Object> evidence) {
    }

    /**
     * A score rule (or group of rules) that gave less than its maximum, and the values its explanation
     * names: for a banded rule the value measured ({@code value}), else the facts its why-not message names.
     */
    public record Shortfall(String ruleId, BigDecimal points, BigDecimal maxPoints, Map<String, Object> values) {
    }

    /** A change that raises the total (or restores eligibility), as the engine found by evaluating it. */
    public record Suggested(List<String> ruleIds, List<Change> changes, BigDecimal gain, BigDecimal newTotal,
                            boolean makesEligible) {
    }

    public Outcome withSuggestions(List<Suggested> newSuggestions) {
        return new Outcome(applicationId, title, applicant, program, rulesetVersion, totalScore, maxScore, grade, eligible,
                dimensions, findings, gates, flags, whyNot, newSuggestions);
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
