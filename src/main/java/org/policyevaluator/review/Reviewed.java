package org.policyevaluator.review;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.store.EvaluationStore.Override;

/**
 * The engine's total and eligibility with the reviewers' overrides applied: the latest override of each
 * target counts (a dimension score replaces the engine's score of that dimension, an eligibility override
 * replaces the engine's eligibility, accepted evidence adds the points it releases). The engine's result
 * itself never changes.
 */
public record Reviewed(BigDecimal totalScore, boolean eligible) {

    /** After the overrides (oldest first, as the store lists them); null when there is none. */
    public static Reviewed of(BigDecimal engineTotal, boolean engineEligible, List<Override> overrides) {
        if (overrides.isEmpty()) {
            return null;
        }
        Map<String, Override> latest = new LinkedHashMap<>();
        overrides.forEach(o -> latest.put(o.targetKind() + " " + o.target(), o));
        BigDecimal total = engineTotal;
        boolean eligible = engineEligible;
        for (Override o : latest.values()) {
            if (OverrideRules.DIMENSION.equals(o.targetKind()) || OverrideRules.EVIDENCE.equals(o.targetKind())) {
                // engineValue is the dimension's score when the override was made: the difference is what it changes
                total = total.add(new BigDecimal(o.newValue()).subtract(new BigDecimal(o.engineValue())));
            } else {
                eligible = Boolean.parseBoolean(o.newValue());
            }
        }
        return new Reviewed(total, eligible);
    }

    public static Reviewed of(Evaluation engine, List<Override> overrides) {
        return of(engine.totalScore(), engine.eligible(), overrides);
    }
}
