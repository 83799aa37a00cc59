package org.policyevaluator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyevaluator.TestSupport.RULES;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.policyevaluator.PolicySourceText;

/**
 * Every quote in the clause catalogue and in the rules is a short, verbatim phrase of the policy source at its line.
 * The source text is not in the repository: without a configured one these tests are skipped, saying so.
 */
@EnabledIf(value = PolicySourceText.CONFIGURED, disabledReason = PolicySourceText.NOT_CONFIGURED)
class ClauseSourceTest {

    @Test
    void everyCatalogueQuoteShouldBeVerbatimAtItsLines() throws IOException {
        List<String> lines = PolicySourceText.lines();
        for (Clause c : RULES.tables().clauses().values()) {
            assertThat(c.quote().length()).as(c.id()).isLessThanOrEqualTo(40);
            assertThat(textAt(lines, c.line())).as(c.id() + " at line " + c.line()).contains(c.quote());
        }
    }

    @Test
    void everyRuleQuoteShouldBeVerbatimInTheClauseItCites() throws IOException {
        List<String> lines = PolicySourceText.lines();
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
