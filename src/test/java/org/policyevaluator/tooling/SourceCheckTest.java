package org.policyevaluator.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.PolicySourceText;
import org.policyevaluator.TestSupport;
import org.policyevaluator.rules.Clause;
import org.policyevaluator.rules.RuleBase;

/**
 * Quotes against the source text. The real text is not in the repository, so these run on a stand-in
 * written from the bundled rules (PolicySourceText.standIn); ClauseSourceTest runs the bundled rules on the real one.
 */
class SourceCheckTest {
    private static final SourceCheck STAND_IN = new SourceCheck(PolicySourceText.standIn(TestSupport.RULES));

    @TempDir
    Path dir;

    private static void replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertThat(s).contains(from);
        Files.writeString(file, s.replace(from, to));
    }

    private RuleBase rulesWith(String file, String from, String to) throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        replace(rules.resolve(file), from, to);
        return RuleBase.fromDirectory(rules);
    }

    @Test
    void checkWhenQuoteIsInventedShouldNameTheClauseAndLine() throws IOException {
        RuleBase rules = rulesWith("clauses.csv", ",优先支持基于国产AI芯片的智算中心,35", ",优先支持所有智算中心,35");
        assertThat(STAND_IN.clauseProblems(rules.tables().clauses().values())).containsExactly(
                "clause A-2.4 (clauses.csv), line 35: quote \"优先支持所有智算中心\" is not there; "
                        + "the line reads \"第35行：这是为测试写的合成原文，不是政策原文。…\"");
    }

    @Test
    void checkWhenLineNumberIsWrongShouldNameTheClauseTheLineAndWhereTheQuoteIs() throws IOException {
        RuleBase rules = rulesWith("clauses.csv", ",拉动“云边端”一体化算力架构加速形成,15", ",拉动“云边端”一体化算力架构加速形成,16");
        assertThat(STAND_IN.clauseProblems(rules.tables().clauses().values())).containsExactly(
                "clause A-1.2 (clauses.csv), line 16: quote \"拉动“云边端”一体化算力架构加速形成\" is not there; "
                        + "the line is blank; it is at line 15");
    }

    @Test
    void checkWhenARuleQuoteIsInventedShouldNameTheRuleTheClauseAndLine() throws IOException {
        RuleBase rules = rulesWith("drl/domestic-compute.drl", "@quotes(\"A-2.4=推进人工智能软硬件适配\")",
                "@quotes(\"A-2.4=推进人工智能软硬件全面适配\")");
        assertThat(STAND_IN.problems(rules)).containsExactly(
                "rule DC-040 quoting clause A-2.4, line 35: quote \"推进人工智能软硬件全面适配\" is not there; "
                        + "the line reads \"第35行：这是为测试写的合成原文，不是政策原文。…\"");
    }

    @Test
    void checkWhenAQuoteSpansTheLinesOfARangeShouldFindIt() {
        SourceCheck source = new SourceCheck(List.of("", "先进制造业", "", "集群已达80个", ""));
        assertThat(source.clauseProblems(List.of(new Clause("B-2", "B", "集群", "先进制造业集群", "2-4")))).isEmpty();
        assertThat(source.clauseProblems(List.of(new Clause("B-2", "B", "集群", "先进制造业集群", "2")))).containsExactly(
                "clause B-2 (clauses.csv), line 2: quote \"先进制造业集群\" is not there; the line reads \"先进制造业\"");
    }

    @Test
    void checkWhenAQuoteIsLongerThan40CharactersShouldSaySo() {
        String quote = "一二三四五六七八九十".repeat(4) + "长";
        SourceCheck source = new SourceCheck(List.of(quote + "。"));
        assertThat(source.clauseProblems(List.of(new Clause("A-9", "A", "测试", quote, "1"))))
                .containsExactly("clause A-9 (clauses.csv): quote \"" + quote + "\" is 41 characters; at most 40");
    }

    @Test
    void checkWhenLinesAreNotInTheSourceTextShouldSaySo() {
        SourceCheck source = new SourceCheck(List.of("一", "二", "三"));
        assertThat(source.clauseProblems(List.of(new Clause("A-9", "A", "测试", "三", "3-4"), new Clause("A-8", "A", "测试", "三", "0"))))
                .containsExactly("clause A-9 (clauses.csv), lines 3-4: not in the source text (lines 1-3)",
                        "clause A-8 (clauses.csv), line 0: not in the source text (lines 1-3)");
    }
}
