package org.policyevaluator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** --help speaks Chinese unless --lang en: every command and every option and parameter is described in cli/help_zh. */
class HelpTest {
    static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    static List<CommandLine> all(CommandLine c) {
        List<CommandLine> out = new ArrayList<>(List.of(c));
        c.getSubcommands().values().forEach(sub -> out.addAll(all(sub)));
        return out;
    }

    static String description(ArgSpec a) {
        return String.join(" ", a.description());
    }

    @Test
    void everyCommandOptionAndParameterShouldHaveAChineseDescription() {
        CommandLine chinese = new CommandLine(new Main());
        Main.helpIn(chinese, CliTexts.help());
        List<String> missing = new ArrayList<>();
        int described = 0;
        for (CommandLine c : all(chinese)) {
            CommandSpec spec = c.getCommandSpec();
            if (!CHINESE.matcher(String.join(" ", spec.usageMessage().description())).find()) {
                missing.add(spec.qualifiedName());
            }
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec a : args) {
                described++;
                if (!CHINESE.matcher(description(a)).find()) {
                    missing.add(spec.qualifiedName() + " " + (a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName()
                            : a.paramLabel()) + ": " + description(a));
                }
            }
        }
        assertThat(described).isGreaterThan(60);
        assertThat(missing).isEmpty();
    }

    @Test
    void helpShouldBeInChineseUnlessEnglishIsAskedFor() {
        CliRunner zh = CliRunner.run("evaluate", "--help");
        assertThat(zh.exitCode()).isZero();
        assertThat(zh.out()).startsWith("用法：policy-evaluator evaluate ")
                .contains("评估申请（JSON 或 Excel 文件），说明每一分的依据。", "--format=<format>", "显示此帮助并退出。")
                .doesNotContain("Evaluate applications", "Show this help message");
        CliRunner en = CliRunner.run("evaluate", "--lang", "en", "--help");
        assertThat(en.out()).startsWith("Usage: policy-evaluator evaluate ")
                .contains("Evaluate applications (JSON or Excel files) and explain every point.").doesNotContain("用法");
        // the commands are listed with what each does; a command whose report is English has Chinese help too
        CliRunner top = CliRunner.run("--help");
        assertThat(top.out()).startsWith("用法：policy-evaluator ").contains("命令：", "评估申请（JSON 或 Excel 文件）",
                "重新计算评估库", "help      显示某一命令的帮助。");
        assertThat(CliRunner.run("help", "whatif").out()).startsWith("用法：policy-evaluator whatif ");
        assertThat(CliRunner.run("--lang", "en", "--help").out()).contains("Commands:", "Evaluate applications");
        assertThat(CliRunner.run("verify", "--help").out()).startsWith("用法：policy-evaluator verify ")
                .contains("--lang=zh|en        语言：zh（中文，默认）或 en（英文）；");
    }
}
