package org.policyevaluator.rules;

import java.util.List;

/** A rules folder that cannot be used; each problem names the file (and line where known). */
public class RuleBaseException extends RuntimeException {
    private final String origin;
    private final List<String> problems;

    public RuleBaseException(String origin, List<String> problems) {
        super("rules in " + origin + " cannot be used:\n  " + String.join("\n  ", problems));
        this.origin = origin;
        this.problems = List.copyOf(problems);
    }

    /** The rules folder (or "bundled rules"). */
    public String origin() {
        return origin;
    }

    public List<String> problems() {
        return problems;
    }
}
