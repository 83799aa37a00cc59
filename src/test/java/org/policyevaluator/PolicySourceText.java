package org.policyevaluator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.policyevaluator.rules.Clause;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleInfo;

/**
 * The policy source text, which the repository may not hold: tests that need it take it from the file
 * named by the system property {@code pe.policy-source}, else the environment variable
 * {@code PE_POLICY_SOURCE} (blank counts as unset), and are skipped with {@link #NOT_CONFIGURED} without it.
 * Use {@code @EnabledIf(value = PolicySourceText.CONFIGURED, disabledReason = PolicySourceText.NOT_CONFIGURED)}.
 */
public final class PolicySourceText {
    public static final String PROPERTY = "pe.policy-source";
    public static final String VARIABLE = "PE_POLICY_SOURCE";
    public static final String CONFIGURED = "org.policyevaluator.PolicySourceText#configured";
    public static final String NOT_CONFIGURED = "policy source text not configured: set -D" + PROPERTY + "=FILE or " + VARIABLE
            + "=FILE, the text policy-source/000_8d21f67b4fa3d2e3.txt (.ci/run sets it in CI)";

    private PolicySourceText() {
    }

    public static boolean configured() {
        return name() != null;
    }

    /** The configured file; tests run only when there is one (see {@link #CONFIGURED}). */
    public static Path file() {
        String name = name();
        if (name == null) {
            throw new IllegalStateException(NOT_CONFIGURED);
        }
        return Path.of(name);
    }

    /**
     * A stand-in for the source text, for tests that must run without it: on the first line of each clause,
     * {@link #lead} and then the clause's quote and the phrases rules quote from it; every other line blank.
     */
    public static List<String> standIn(RuleBase rules) {
        Map<Integer, List<String>> byLine = new TreeMap<>();
        int last = 0;
        for (Clause c : rules.tables().clauses().values()) {
            byLine.computeIfAbsent(firstLine(c), n -> new ArrayList<>()).add(c.quote());
            String[] range = c.line().split("-");
            last = Math.max(last, Integer.parseInt(range[range.length - 1]));
        }
        for (RuleInfo r : rules.catalogue().values()) {
            r.quotes().forEach((clause, phrase) -> byLine.get(firstLine(rules.tables().clauses().get(clause))).add(phrase));
        }
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= last; n++) {
            List<String> quotes = byLine.get(n);
            lines.add(quotes == null ? "" : lead(n) + String.join("；", quotes));
        }
        return lines;
    }

    /** How a stand-in line starts: for lines 10-99, 24 characters, as much of a line as a problem shows. */
    public static String lead(int line) {
        return "第" + line + "行：这是为测试写的合成原文，不是政策原文。";
    }

    private static int firstLine(Clause c) {
        return Integer.parseInt(c.line().split("-")[0]);
    }

    private static String name() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) {
            name = System.getenv(VARIABLE);
        }
        return name == null || name.isBlank() ? null : name.strip();
    }
}
