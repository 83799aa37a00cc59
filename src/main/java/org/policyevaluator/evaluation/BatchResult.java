package org.policyevaluator.evaluation;

import java.util.List;
import org.policyevaluator.intake.Rejection;

/** A batch's outcome: every evaluation (in input order, ranked) and every application that was rejected. */
public record BatchResult(String rulesetVersion, int evaluatedCount, int rejectedCount, List<Evaluation> evaluations,
                          List<Rejection> rejected) {
}
