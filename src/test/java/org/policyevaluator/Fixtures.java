package org.policyevaluator;

import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.excel.WorkbookIntake;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.rules.RuleBase;

/** The bundled rule base, built once per test JVM (it takes a second or two). */
public final class Fixtures {
    private static RuleBase ruleBase;

    private Fixtures() {
    }

    public static synchronized RuleBase ruleBase() {
        if (ruleBase == null) {
            ruleBase = RuleBase.bundled();
        }
        return ruleBase;
    }

    public static Evaluator evaluator() {
        return new Evaluator(ruleBase());
    }

    public static WorkbookIntake workbookIntake() {
        return new WorkbookIntake(ruleBase().reader());
    }

    public static JsonIntake jsonIntake() {
        return new JsonIntake(ruleBase().reader());
    }
}
