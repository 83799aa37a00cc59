package org.policyevaluator.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.ApplicationEditor.Change;
import org.policyevaluator.model.Application;

/** An application's evaluation before and after some changes, and every rule whose outcome changed. */
public record WhatIf(String applicationId, String program, String rulesetVersion, List<Change> changes,
                     BigDecimal totalBefore, BigDecimal totalAfter, BigDecimal delta, String gradeBefore,
                     String gradeAfter, boolean eligibleBefore, boolean eligibleAfter, List<RuleChange> changed,
                     Evaluation after) {

    /** One rule whose outcome differs: points of a score rule, result of a gate, or a flag raised or not. */
    public record RuleChange(String ruleId, String kind, String before, String after) {
    }

    /**
     * Applies the changes and evaluates both versions under the same programme.
     *
     * @throws ApplicationEditor.InvalidChange when the changed application would be invalid
     */
    public static WhatIf of(Evaluator evaluator, Application app, List<Change> changes, String program, String lang) {
        Application changed = new ApplicationEditor(evaluator.ruleBase()).apply(app, changes);
        Evaluation before = evaluator.evaluate(app, program, lang);
        Evaluation after = evaluator.evaluate(changed, program, lang);
        return new WhatIf(app.applicationId(), program, before.rulesetVersion(), List.copyOf(changes),
                before.totalScore(), after.totalScore(), Evaluator.tidy(after.totalScore().subtract(before.totalScore())),
                before.grade(), after.grade(), before.eligible(), after.eligible(), diff(before, after), after);
    }

    static List<RuleChange> diff(Evaluation before, Evaluation after) {
        Map<String, String[]> rules = new LinkedHashMap<>();
        before.findings().forEach(f -> rules.computeIfAbsent(f.ruleId(), k -> new String[] {"score", "0", "0"})[1] =
                f.points().toPlainString());
        after.findings().forEach(f -> rules.computeIfAbsent(f.ruleId(), k -> new String[] {"score", "0", "0"})[2] =
                f.points().toPlainString());
        before.gates().forEach(g -> rules.computeIfAbsent(g.ruleId(), k -> new String[] {"gate", "-", "-"})[1] =
                g.passed() ? "passed" : "failed");
        after.gates().forEach(g -> rules.computeIfAbsent(g.ruleId(), k -> new String[] {"gate", "-", "-"})[2] =
                g.passed() ? "passed" : "failed");
        Set<String> flagsBefore = new LinkedHashSet<>();
        before.flags().forEach(f -> flagsBefore.add(f.ruleId()));
        Set<String> flagsAfter = new LinkedHashSet<>();
        after.flags().forEach(f -> flagsAfter.add(f.ruleId()));
        Set<String> allFlags = new LinkedHashSet<>(flagsBefore);
        allFlags.addAll(flagsAfter);
        allFlags.forEach(f -> rules.put(f, new String[] {"flag", flagsBefore.contains(f) ? "raised" : "-",
                flagsAfter.contains(f) ? "raised" : "-"}));
        List<RuleChange> out = new ArrayList<>();
        rules.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] v = e.getValue();
            if (!v[1].equals(v[2])) {
                out.add(new RuleChange(e.getKey(), v[0], v[1], v[2]));
            }
        });
        return out;
    }
}
