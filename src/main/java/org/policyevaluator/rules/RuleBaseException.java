package org.policyevaluator.rules;

import java.util.List;

/** A rules folder that cannot be used; each problem names the file (and line where known). */
public class RuleBaseException extends RuntimeException {
    private final List<String> problems;

    public RuleBaseException(String origin, List<String> problems) {
        super("rules in " + origin + " cannot be used:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
