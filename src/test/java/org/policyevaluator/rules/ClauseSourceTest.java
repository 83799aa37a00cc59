package org.policyevaluator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyevaluator.TestSupport.RULES;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every quote in the clause catalogue and in the rules is a short, verbatim phrase of the policy source at its line. */
class ClauseSourceTest {
    private static final Path SOURCE = Path.of("../shared/policy-source/000_8d21f67b4fa3d2e3.txt");

    @Test
    void everyCatalogueQuoteShouldBeVerbatimAtItsLines() throws IOException {
        List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        for (Clause c : RULES.tables().clauses().values()) {
            assertThat(c.quote().length()).as(c.id()).isLessThanOrEqualTo(40);
            assertThat(textAt(lines, c.line())).as(c.id() + " at line " + c.line()).contains(c.quote());
        }
    }

    @Test
    void everyRuleQuoteShouldBeVerbatimInTheClauseItCites() throws IOException {
        List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        for (RuleInfo r : RULES.catalogue().values()) {
            for (var q : r.quotes().entrySet()) {
                Clause c = RULES.tables().clauses().get(q.getKey());
                assertThat(q.getValue().length()).as(r.id()).isLessThanOrEqualTo(40);
                assertThat(textAt(lines, c.line())).as(r.id() + " quoting " + c.id()).contains(q.getValue());
            }
        }
    }

    private static String textAt(List<String> lines, String range) {
        String[] parts = range.split("-");
        int from = Integer.parseInt(parts[0]);
        int to = parts.length > 1 ? Integer.parseInt(parts[1]) : from;
        return String.join("", lines.subList(from - 1, to));
    }
}
