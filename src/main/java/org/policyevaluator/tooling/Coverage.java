package org.policyevaluator.tooling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleInfo;

/** How often each rule fired over a batch (score rules: awarded; gates: failed; flags: raised), and which never did. */
public final class Coverage {

    public record RuleCount(String ruleId, String kind, int fired, double share) {
    }

    public record Report(String rulesetVersion, int applications, List<RuleCount> rules, List<String> neverFired) {
    }

    private Coverage() {
    }

    public static Report of(RuleBase ruleBase, List<Evaluation> evaluations) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ruleBase.catalogue().keySet().forEach(id -> counts.put(id, 0));
        for (Evaluation e : evaluations) {
            e.findings().forEach(f -> counts.merge(f.ruleId(), 1, Integer::sum));
            e.gates().stream().filter(g -> !g.passed()).forEach(g -> counts.merge(g.ruleId(), 1, Integer::sum));
            e.flags().forEach(f -> counts.merge(f.ruleId(), 1, Integer::sum));
        }
        List<RuleCount> rules = new ArrayList<>();
        List<String> never = new ArrayList<>();
        for (RuleInfo r : ruleBase.catalogue().values()) {
            int n = counts.get(r.id());
            double share = evaluations.isEmpty() ? 0 : Math.round(1000.0 * n / evaluations.size()) / 1000.0;
            rules.add(new RuleCount(r.id(), r.kind(), n, share));
            if (n == 0) {
                never.add(r.id());
            }
        }
        return new Report(ruleBase.version(), evaluations.size(), rules, never);
    }
}
