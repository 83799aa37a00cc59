package org.policyevaluator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyevaluator.TestSupport.RULES;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.policyevaluator.PolicySourceText;
import org.policyevaluator.tooling.SourceCheck;

/**
 * Every quote in the clause catalogue and in the rules is a short, verbatim phrase of the policy source at its line,
 * by the same check as {@code rules check --source}. The source text is not in the repository: without a configured
 * one these tests are skipped, saying so.
 */
@EnabledIf(value = PolicySourceText.CONFIGURED, disabledReason = PolicySourceText.NOT_CONFIGURED)
class ClauseSourceTest {

    @Test
    void everyCatalogueQuoteShouldBeShortAndVerbatimAtItsLines() throws IOException {
        SourceCheck source = SourceCheck.read(PolicySourceText.file());
        assertThat(source.clauseProblems(RULES.tables().clauses().values())).isEmpty();
    }

    @Test
    void everyRuleQuoteShouldBeShortAndVerbatimInTheClauseItCites() throws IOException {
        SourceCheck source = SourceCheck.read(PolicySourceText.file());
        assertThat(source.ruleProblems(RULES.catalogue().values(), RULES.tables().clauses())).isEmpty();
    }
}
