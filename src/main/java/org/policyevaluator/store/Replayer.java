package org.policyevaluator.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.ApplicationReader;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.model.Application;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.rules.RuleBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Re-evaluates a stored input with the stored ruleset it was evaluated with, and compares the result
 * with the stored one. Rank and tie-breaks depend on the batch, not on the application, and are left
 * out of the comparison.
 */
public final class Replayer {

    public record Difference(String path, String stored, String replayed) {
    }

    public record Result(String evaluationId, String rulesetVersion, boolean identical, List<Difference> differences) {
    }

    private final EvaluationStore store;
    private final Map<String, Evaluator> evaluators = new ConcurrentHashMap<>();

    public Replayer(EvaluationStore store) {
        this.store = store;
    }

    /** A replayer that uses {@code current} for its own ruleset version (no need to build it again). */
    public Replayer(EvaluationStore store, Evaluator current) {
        this(store);
        evaluators.put(current.ruleBase().version(), current);
    }

    /** The evaluator of a stored ruleset, built once per version. */
    public Evaluator evaluator(String version) {
        return evaluators.computeIfAbsent(version, v -> new Evaluator(RuleBase.build(store.ruleset(v)
                .orElseThrow(() -> new IllegalStateException("ruleset " + v + " is not in the store")))));
    }

    public Result replay(String evaluationId) {
        EvaluationStore.StoredEvaluation stored = store.evaluation(evaluationId)
                .orElseThrow(() -> new IllegalArgumentException("no evaluation " + evaluationId));
        Evaluator evaluator = evaluator(stored.rulesetVersion());
        ApplicationReader.Result read = evaluator.ruleBase().reader().read(JsonIntake.mapper().readTree(stored.inputJson()), "$");
        if (!read.ok()) {
            throw new IllegalStateException("stored input no longer reads: "
                    + evaluator.ruleBase().problemTexts().line(read.problems().get(0), "en"));
        }
        Application app = read.application();
        Evaluation again = stored.withSuggestions() ? evaluator.assess(app, stored.program(), stored.lang())
                : evaluator.evaluate(app, stored.program(), stored.lang());
        JsonNode before = withoutBatchFields(JsonReport.mapper().readTree(stored.resultJson()));
        JsonNode after = withoutBatchFields(JsonReport.mapper().readTree(JsonReport.toJson(again)));
        List<Difference> differences = new ArrayList<>();
        diff("$", before, after, differences);
        return new Result(evaluationId, stored.rulesetVersion(), differences.isEmpty(), differences);
    }

    private static JsonNode withoutBatchFields(JsonNode node) {
        ((ObjectNode) node).remove(List.of("rank", "tieBreaks"));
        return node;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<Difference> out) {
        if (a == null || b == null || a.getNodeType() != b.getNodeType() || a.isValueNode() || a.size() != b.size()
                && a.isArray()) {
            if (a == null || !a.equals(b)) {
                out.add(new Difference(path, a == null ? null : a.toString(), b == null ? null : b.toString()));
            }
            return;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
            return;
        }
        java.util.Set<String> names = new java.util.TreeSet<>(a.propertyNames());
        names.addAll(b.propertyNames());
        for (String n : names) {
            diff(path + "." + n, a.get(n), b.get(n), out);
        }
    }
}
