package org.policyevaluator.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.policyevaluator.intake.ProblemTexts;

/**
 * A batch in words, as a JSON response or document holds it: every evaluation (in input order, ranked)
 * and every application that was rejected. {@code batchId} is set once the batch is stored.
 */
public record BatchResult(@JsonInclude(JsonInclude.Include.NON_NULL) String batchId, String rulesetVersion,
                          int evaluatedCount, int rejectedCount, List<Evaluation> evaluations,
                          List<ProblemTexts.RejectedView> rejected) {

    /** The same batch with the ids the store gave it and its evaluations (in order). */
    public BatchResult stored(String id, List<String> evaluationIds) {
        List<Evaluation> withIds = new java.util.ArrayList<>();
        for (int i = 0; i < evaluations.size(); i++) {
            withIds.add(evaluations.get(i).withEvaluationId(evaluationIds.get(i)));
        }
        return new BatchResult(id, rulesetVersion, evaluatedCount, rejectedCount, List.copyOf(withIds), rejected);
    }
}
