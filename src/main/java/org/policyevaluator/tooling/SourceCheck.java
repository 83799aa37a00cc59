package org.policyevaluator.tooling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.policyevaluator.rules.Clause;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleInfo;

/**
 * A ruleset's quotes against the policy source text: every clause's quote (clauses.csv) and every rule's
 * {@code @quotes} phrase is a short phrase found verbatim in the source lines of its clause (line "35" or
 * "43-45", lines joined without separator). {@code rules check --source} and the tests both use it, so
 * they cannot disagree.
 */
public final class SourceCheck {
    /** The longest quote, in characters: a phrase to find the sentence by, never a copied paragraph. */
    public static final int MAX_QUOTE = 40;
    /** How much of a line a problem shows, in characters: enough to recognise the paragraph. */
    private static final int SHOWN = 24;

    private final List<String> lines;

    /** {@code lines}: the source text, line 1 first. */
    public SourceCheck(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /** Reads the source text as UTF-8. */
    public static SourceCheck read(Path file) throws IOException {
        return new SourceCheck(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Every problem of the ruleset's clause quotes, then of its rule quotes; empty when all are found. */
    public List<String> problems(RuleBase rules) {
        List<String> problems = new ArrayList<>(clauseProblems(rules.tables().clauses().values()));
        problems.addAll(ruleProblems(rules.catalogue().values(), rules.tables().clauses()));
        return problems;
    }

    public List<String> clauseProblems(Collection<Clause> clauses) {
        List<String> problems = new ArrayList<>();
        for (Clause c : clauses) {
            check("clause " + c.id() + " (clauses.csv)", c.line(), c.quote(), problems);
        }
        return problems;
    }

    /** {@code clauses}: the clause table by id, for the lines of each clause a rule quotes. */
    public List<String> ruleProblems(Collection<RuleInfo> rules, Map<String, Clause> clauses) {
        List<String> problems = new ArrayList<>();
        for (RuleInfo r : rules) {
            for (var q : r.quotes().entrySet()) {
                String who = "rule " + r.id() + " quoting clause " + q.getKey();
                Clause c = clauses.get(q.getKey());
                if (c == null) {
                    problems.add(who + ": no such clause in clauses.csv");
                } else {
                    check(who, c.line(), q.getValue(), problems);
                }
            }
        }
        return problems;
    }

    private void check(String who, String range, String quote, List<String> problems) {
        if (quote.isBlank()) {
            problems.add(who + ": the quote is empty");
            return;
        }
        int length = quote.codePointCount(0, quote.length());
        if (length > MAX_QUOTE) {
            problems.add(who + ": quote \"" + quote + "\" is " + length + " characters; at most " + MAX_QUOTE);
        }
        boolean several = range.contains("-");
        String at = who + ", " + (several ? "lines " : "line ") + range;
        String text = text(range);
        if (text == null) {
            problems.add(at + ": not in the source text (lines 1-" + lines.size() + ")");
        } else if (!text.contains(quote)) {
            String reads = text.isBlank() ? (several ? "the lines are blank" : "the line is blank")
                    : (several ? "the lines read \"" : "the line reads \"") + shortened(text) + "\"";
            problems.add(at + ": quote \"" + quote + "\" is not there; " + reads + elsewhere(quote));
        }
    }

    /** The text of lines "N" or "N-M", joined; null when they are not all lines of the source. */
    private String text(String range) {
        String[] parts = range.split("-", -1);
        int from;
        int to;
        try {
            from = Integer.parseInt(parts[0].strip());
            to = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : from;
        } catch (NumberFormatException e) {
            return null;
        }
        if (parts.length > 2 || from < 1 || to < from || to > lines.size()) {
            return null;
        }
        return String.join("", lines.subList(from - 1, to));
    }

    private static String shortened(String text) {
        String s = text.strip();
        return s.codePointCount(0, s.length()) <= SHOWN ? s : s.substring(0, s.offsetByCodePoints(0, SHOWN)) + "…";
    }

    /** Where else the quote stands, to tell a wrong line number from an invented quote. */
    private String elsewhere(String quote) {
        StringJoiner found = new StringJoiner(", ");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(quote)) {
                found.add(String.valueOf(i + 1));
            }
        }
        if (found.length() == 0) {
            return "";
        }
        return (found.toString().contains(",") ? "; it is at lines " : "; it is at line ") + found;
    }
}
