package org.policyevaluator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.intake.JsonIntake;
import tools.jackson.databind.JsonNode;

/** The evaluate and rules commands as a user meets them: output, messages and exit status. */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    @Test
    void evaluateWhenAllApplicationsAreValidShouldPrintJsonAndExit0() {
        CliRunner r = CliRunner.run("evaluate", "samples/smart-factory-domestic-compute.json");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.err()).isEmpty();
        JsonNode json = JsonIntake.mapper().readTree(r.out());
        assertThat(json.get("rulesetVersion").stringValue()).startsWith("sha256:");
        JsonNode e = json.get("evaluations").get(0);
        assertThat(e.get("applicationId").stringValue()).isEqualTo("SF-2026-001");
        assertThat(e.get("rank").intValue()).isEqualTo(1);
        assertThat(e.get("findings").get(0).get("clauses").get(0).get("quote").stringValue()).isNotBlank();
    }

    @Test
    void evaluateWhenRunTwiceShouldPrintByteIdenticalOutput() {
        String[] args = {"evaluate", "samples/batch-with-rejected-applications.json", "samples/hospital-diagnosis-agent.json"};
        assertThat(CliRunner.run(args).out()).isEqualTo(CliRunner.run(args).out());
    }

    @Test
    void evaluateWhenSomeApplicationsAreRejectedShouldListThemAndExit3() {
        CliRunner r = CliRunner.run("evaluate", "--lang", "en", "samples/batch-with-rejected-applications.json");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("1 rejected, 2 evaluated: see \"rejected\" in the output\n");
        assertThat(CliRunner.run("evaluate", "samples/batch-with-rejected-applications.json").err())
                .isEqualTo("拒收 1 份，已评估 2 份：见输出中的 \"rejected\"\n");
        JsonNode rejected = JsonIntake.mapper().readTree(r.out()).get("rejected").get(0);
        assertThat(rejected.get("applicationId").stringValue()).isEqualTo("B-002");
        assertThat(rejected.get("problems").get(0).get("location").stringValue())
                .isEqualTo("$.applications[1].applicant.creditCode");
    }

    @Test
    void evaluateWhenFileDoesNotExistShouldExit2WithMessage() {
        CliRunner r = CliRunner.run("evaluate", "--lang", "en", "no-such-file.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: no-such-file.json: no such file\n");
        assertThat(CliRunner.run("evaluate", "no-such-file.json").err()).isEqualTo("错误：no-such-file.json：文件不存在\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void evaluateWhenOneFileIsBrokenShouldEvaluateTheOthersAndListIt() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"applicationId\": ");
        CliRunner r = CliRunner.run("evaluate", broken.toString(), "samples/university-open-dataset.json");
        assertThat(r.exitCode()).isEqualTo(3);
        JsonNode json = JsonIntake.mapper().readTree(r.out());
        assertThat(json.get("evaluations")).hasSize(1);
        JsonNode problem = json.get("rejected").get(0).get("problems").get(0);
        assertThat(problem.get("location").stringValue()).isEqualTo(broken + " 第 1 行第 19 列");
        assertThat(problem.get("message").stringValue()).isEqualTo("不是有效的 JSON");
        JsonNode english = JsonIntake.mapper().readTree(CliRunner.run("evaluate", "--lang", "en", broken.toString(),
                "samples/university-open-dataset.json").out()).get("rejected").get(0).get("problems").get(0);
        assertThat(english.get("location").stringValue()).isEqualTo(broken + " line 1, column 19");
        assertThat(english.get("message").stringValue()).startsWith("not valid JSON: ");
    }

    @Test
    void evaluateWhenProgrammeOrLanguageIsUnknownShouldExit2() {
        CliRunner p = CliRunner.run("evaluate", "--lang", "en", "--program", "space", "samples/university-open-dataset.json");
        assertThat(p.exitCode()).isEqualTo(2);
        assertThat(p.err()).isEqualTo("error: --program: unknown programme \"space\"; expected one of: general, compute, manufacturing\n");
        // in Chinese each code with its programme's name: the code is what is typed
        assertThat(CliRunner.run("evaluate", "--program", "space", "samples/university-open-dataset.json").err())
                .isEqualTo("错误：--program：没有项目类别“space”；可选：general（通用人工智能创新项目）、"
                        + "compute（国产算力基础设施专项）、manufacturing（人工智能+制造专项）\n");
        CliRunner l = CliRunner.run("evaluate", "--lang", "fr", "samples/university-open-dataset.json");
        assertThat(l.exitCode()).isEqualTo(2);
        assertThat(l.err()).isEqualTo("错误：--lang 应为 zh（中文）或 en（英文），实际为 fr\n");
    }

    @Test
    void evaluateWhenTheCommandLineDoesNotParseShouldSayWhatIsWrongInItsLanguage() {
        CliRunner unknown = CliRunner.run("evaluate", "--bogus", "samples/university-open-dataset.json");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("错误：无法识别的选项或参数：--bogus\n用法见：policy-evaluator evaluate --help\n");
        assertThat(CliRunner.run("evaluate").err()).isEqualTo("错误：缺少：要处理的文件\n用法见：policy-evaluator evaluate --help\n");
        assertThat(CliRunner.run("evaluate", "--format", "pdf", "a.json").err()).startsWith(
                "错误：--format 的取值“pdf”无效；可选：json、jsonl、text、xlsx、docx\n");
        assertThat(CliRunner.run("evaluate", "--threads", "many", "a.json").err()).startsWith("错误：--threads 的取值“many”无效\n");
        // in English, picocli's own message and the usage
        CliRunner english = CliRunner.run("evaluate", "--lang", "en", "--bogus", "samples/university-open-dataset.json");
        assertThat(english.exitCode()).isEqualTo(2);
        assertThat(english.err()).startsWith("Unknown option: '--bogus'\nUsage: policy-evaluator evaluate");
        assertThat(CliRunner.run("replay").err()).isEqualTo("错误：缺少：编号\n用法见：policy-evaluator replay --help\n");
    }

    @Test
    void evaluateWhenRulesFolderDoesNotCompileShouldExit2WithFileAndLine() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules/drl"));
        Files.writeString(rules.resolve("bad.drl"), "package x;\nrule \"XX-001 broken\"\nwhen\n  Foo(\nthen\nend\n");
        CliRunner r = CliRunner.run("evaluate", "--rules", dir.resolve("rules").toString(),
                "samples/university-open-dataset.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("错误：规则文件夹 " + dir.resolve("rules") + " 无法使用：\n  ");
        assertThat(r.err()).contains("clauses.csv: missing");
        assertThat(CliRunner.run("evaluate", "--lang", "en", "--rules", dir.resolve("rules").toString(),
                "samples/university-open-dataset.json").err()).startsWith("error: rules in " + dir.resolve("rules") + " cannot be used:");
    }

    @Test
    void evaluateWhenTextFormatShouldPrintRankingAndReasons() {
        CliRunner r = CliRunner.run("evaluate", "--format", "text", "--lang", "en", "samples/green-textile-factory.json");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).contains("Ranking").contains("GT-2026-013")
                .contains("GR-010 Energy saving: Energy saving of 22%, reaching the >= 20% band (+5)");
    }

    @Test
    void evaluateWhenTextFormatInChineseShouldNameProgrammesSeveritiesAndPlacesInWordsNotCodesOrPaths() {
        CliRunner r = CliRunner.run("evaluate", "--format", "text", "samples/batch-with-rejected-applications.json",
                "samples/ai-chip-little-giant.json");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out())
                .contains("名次    申请编号")
                .contains("项目类别 通用人工智能创新项目")
                .contains("[通过]   GT-010 项目类别要求的申报信息")
                .contains("[警告] FL-010 申报训练算力国产占比")
                .contains("samples/batch-with-rejected-applications.json 第 2 份申请（B-002）")
                .contains("    - 统一社会信用代码：校验位为“1”")
                .contains("    - 技术领域，第 2 项：未知取值“QUANTUM_MAGIC”");
        // no programme code, severity code, English gate mark or field path
        assertThat(r.out()).doesNotContain("general").doesNotContain("WARNING").doesNotContain("[ok]")
                .doesNotContain("$.").doesNotContain("applicant.creditCode").doesNotContain(" id ");
        assertThat(r.err()).isEqualTo("拒收 1 份，已评估 3 份：见报告末尾的“拒收的申请”\n");
    }

    @Test
    void evaluateWhenTextFormatInEnglishShouldKeepThePathsThatHelpFixTheJson() {
        CliRunner r = CliRunner.run("evaluate", "--format", "text", "--lang", "en", "samples/batch-with-rejected-applications.json");
        assertThat(r.out()).contains("programme General AI innovation call")
                .contains("samples/batch-with-rejected-applications.json $.applications[1] (B-002)")
                .contains("    - $.applications[1].applicant.creditCode: check character is '1'");
        assertThat(r.err()).isEqualTo("1 rejected, 2 evaluated: see \"Rejected applications\" at the end of the report\n");
    }

    @Test
    void evaluateWhenOutIsGivenShouldWriteTheFile() throws IOException {
        Path out = dir.resolve("result.json");
        CliRunner r = CliRunner.run("evaluate", "--out", out.toString(), "samples/green-textile-factory.json");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).contains("\"applicationId\" : \"GT-2026-013\"");
    }

    @Test
    void evaluateWhenHelpIsAskedShouldPrintItsUsageAndExit0() {
        CliRunner r = CliRunner.run("evaluate", "--lang", "en", "--help");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).startsWith("Usage: policy-evaluator evaluate").contains("--format=<format>");
    }

    @Test
    void mainWhenNoCommandIsGivenShouldPrintUsageAndExit2() {
        CliRunner r = CliRunner.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("用法：policy-evaluator").contains("命令：");
        assertThat(CliRunner.run("--lang", "en").err()).startsWith("Usage: policy-evaluator").contains("Commands:");
    }

    @Test
    void rulesShouldPrintEveryRuleInMarkdownAndJson() {
        CliRunner md = CliRunner.run("rules");
        assertThat(md.exitCode()).isEqualTo(0);
        assertThat(md.out()).contains("| DC-010 | score | domesticCompute | 10 | 训练算力使用国产AI芯片 | Training compute on domestic AI chips |");
        CliRunner json = CliRunner.run("rules", "--format", "json");
        JsonNode rules = JsonIntake.mapper().readTree(json.out()).get("rules");
        assertThat(rules).hasSize(org.policyevaluator.TestSupport.RULES.catalogue().size());
        assertThat(rules.get(0).get("id").stringValue()).isEqualTo("AP-010");
    }
}
