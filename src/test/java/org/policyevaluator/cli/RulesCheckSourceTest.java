package org.policyevaluator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.PolicySourceText;
import org.policyevaluator.TestSupport;

/** rules check --source FILE: the quotes checked against the policy source text, as one more check. */
class RulesCheckSourceTest {
    private static final String CHECK = "every clause and rule quote short and verbatim at its lines of ";

    @TempDir
    Path dir;

    @Test
    void rulesCheckWhenSourceIsNotGivenShouldSayTheQuotesWereNotChecked() {
        CliRunner r = CliRunner.run("rules", "check", "--lang", "en");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).doesNotContain(CHECK).endsWith(
                "[skip] quotes not checked against the policy source text: give it with --source FILE\nall checks passed\n");
        assertThat(CliRunner.run("rules", "check").out()).startsWith("规则 内置规则 · sha256:")
                .contains("[通过] 每条规则都能触发\n")
                .endsWith("[跳过] 未对照政策原文核对引文：请用 --source 文件 给出原文\n全部检查通过\n");
    }

    @Test
    void rulesCheckWhenTheSourceLacksQuotesShouldFailNamingClausesRulesAndLine() throws IOException {
        List<String> lines = new ArrayList<>(PolicySourceText.standIn(TestSupport.RULES));
        lines.set(34, PolicySourceText.lead(35) + "加快国产算力基础设施建设");
        Path source = Files.write(dir.resolve("other-text.txt"), lines);
        CliRunner r = CliRunner.run("rules", "check", "--lang", "en", "--source", source.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        String reads = " is not there; the line reads \"第35行：这是为测试写的合成原文，不是政策原文。…\"\n";
        assertThat(r.out()).contains("[FAIL] " + CHECK + "other-text.txt\n"
                + "         - clause A-2.4 (clauses.csv), line 35: quote \"优先支持基于国产AI芯片的智算中心\"" + reads
                + "         - rule DC-040 quoting clause A-2.4, line 35: quote \"推进人工智能软硬件适配\"" + reads
                + "         - rule DC-050 quoting clause A-2.4, line 35: quote \"打造云边端一体化协同架构\"" + reads)
                .doesNotContain("[skip]").endsWith("1 check(s) failed\n");
        // in Chinese, the same findings in words
        String zh = CliRunner.run("rules", "check", "--source", source.toString()).out();
        assertThat(zh).contains("[未通过] 每条条款与规则的引文都简短，并与 other-text.txt 中所注的行逐字相符\n"
                + "         - 条款 A-2.4（clauses.csv），第 35 行：引文“优先支持基于国产AI芯片的智算中心”不在此处；"
                + "该行为“第35行：这是为测试写的合成原文，不是政策原文。…”\n")
                .endsWith("1 项检查未通过\n").doesNotContain("quote", "line ");
    }

    @Test
    void rulesCheckWhenSourceFileIsMissingShouldBeAUsageError() {
        Path missing = dir.resolve("nowhere.txt");
        CliRunner r = CliRunner.run("rules", "check", "--lang", "en", "--source", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: --source " + missing + ": no such file\n");
        assertThat(CliRunner.run("rules", "check", "--source", missing.toString()).err())
                .isEqualTo("错误：--source " + missing + "：文件不存在\n");
    }

    @Test
    void rulesCheckWhenSourceIsNotUtf8ShouldBeAUsageError() throws IOException {
        Path gbk = Files.write(dir.resolve("gbk.txt"), "推动人工智能".getBytes(Charset.forName("GBK")));
        CliRunner r = CliRunner.run("rules", "check", "--lang", "en", "--source", gbk.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --source " + gbk + ": not UTF-8 text\n");
        assertThat(CliRunner.run("rules", "check", "--source", gbk.toString()).err())
                .isEqualTo("错误：--source " + gbk + "：不是 UTF-8 编码的文本\n");
    }

    @Test
    @EnabledIf(value = PolicySourceText.CONFIGURED, disabledReason = PolicySourceText.NOT_CONFIGURED)
    void rulesCheckWithThePolicySourceTextShouldPassTheBundledRules() {
        Path source = PolicySourceText.file();
        CliRunner r = CliRunner.run("rules", "check", "--lang", "en", "--source", source.toString());
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).contains("[ok]   " + CHECK + source.getFileName() + "\n").doesNotContain("[skip]")
                .endsWith("all checks passed\n");
    }
}
