package org.policyevaluator.tooling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /** Every problem of the ruleset's clause quotes, then of its rule quotes, in English; empty when all are found. */
    public List<String> problems(RuleBase rules) {
        return english(said(rules));
    }

    /** As {@link #problems(RuleBase)}, before they are put into words. */
    public List<Said> said(RuleBase rules) {
        List<Said> problems = new ArrayList<>(clauses(rules.tables().clauses().values()));
        problems.addAll(rules(rules.catalogue().values(), rules.tables().clauses()));
        return problems;
    }

    public List<String> clauseProblems(Collection<Clause> clauses) {
        return english(clauses(clauses));
    }

    private List<Said> clauses(Collection<Clause> clauses) {
        List<Said> problems = new ArrayList<>();
        for (Clause c : clauses) {
            check(Said.of("who.clause", c.id()), c.line(), c.quote(), problems);
        }
        return problems;
    }

    /** {@code clauses}: the clause table by id, for the lines of each clause a rule quotes. */
    public List<String> ruleProblems(Collection<RuleInfo> rules, Map<String, Clause> clauses) {
        return english(rules(rules, clauses));
    }

    private List<Said> rules(Collection<RuleInfo> rules, Map<String, Clause> clauses) {
        List<Said> problems = new ArrayList<>();
        for (RuleInfo r : rules) {
            for (var q : r.quotes().entrySet()) {
                Said who = Said.of("who.rule", r.id(), q.getKey());
                Clause c = clauses.get(q.getKey());
                if (c == null) {
                    problems.add(Said.of("source.noClause", who));
                } else {
                    check(who, c.line(), q.getValue(), problems);
                }
            }
        }
        return problems;
    }

    private static List<String> english(List<Said> said) {
        return said.stream().map(s -> s.in("en")).toList();
    }

    private void check(Said who, String range, String quote, List<Said> problems) {
        if (quote.isBlank()) {
            problems.add(Said.of("source.empty", who));
            return;
        }
        int length = quote.codePointCount(0, quote.length());
        if (length > MAX_QUOTE) {
            problems.add(Said.of("source.tooLong", who, quote, length, MAX_QUOTE));
        }
        boolean several = range.contains("-");
        Said at = Said.of(several ? "at.lines" : "at.line", who, range);
        String text = text(range);
        if (text == null) {
            problems.add(Said.of("source.outside", at, lines.size()));
        } else if (!text.contains(quote)) {
            Said reads = text.isBlank() ? Said.of(several ? "reads.blank.lines" : "reads.blank.line")
                    : Said.of(several ? "reads.lines" : "reads.line", shortened(text));
            problems.add(Said.of("source.notThere", at, quote, reads, elsewhere(quote)));
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

    /** Where else the quote stands, to tell a wrong line number from an invented quote; "" when nowhere. */
    private Object elsewhere(String quote) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(quote)) {
                found.add(String.valueOf(i + 1));
            }
        }
        if (found.isEmpty()) {
            return "";
        }
        return Said.of(found.size() > 1 ? "elsewhere.lines" : "elsewhere.line", found);
    }
}
