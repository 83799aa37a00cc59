package org.policyevaluator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.intake.JsonIntake;
import tools.jackson.databind.JsonNode;

/** whatif, programs, rules check, rules coverage and impact as a user meets them. */
class PolicyOfficerCommandsTest {
    @TempDir
    Path dir;

    @Test
    void whatifShouldShowScoresBeforeAndAfterAndTheRulesThatChanged() {
        CliRunner r = CliRunner.run("whatif", "samples/green-textile-factory.json", "--lang", "en",
                "--set", "compute.domesticSoftwareStack=true", "--set", "green.dataCenterPue=1.2");
        assertThat(r.exitCode()).isEqualTo(0);
        // the sample lists only foreign chips: a stack for domestic chips raises FL-021, which holds DC-040
        assertThat(r.out()).contains("total: 46.5 -> 47.5 (+1)").contains("FL-021 [flag] - -> raised")
                .contains("GR-030 [score] 1 -> 2").doesNotContain("DC-040");
    }

    @Test
    void whatifInChineseShouldNameFieldsValuesProgrammeAndRulesInWordsNotCodes() {
        CliRunner r = CliRunner.run("whatif", "samples/green-textile-factory.json",
                "--set", "compute.domesticSoftwareStack=true", "--set", "green.dataCenterPue=1.2");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).startsWith("GT-2026-013 · 通用人工智能创新项目\n")
                .contains("  设置 软件栈适配国产芯片 = 是\n  设置 数据中心PUE = 1.2\n")
                .contains("  总分：46.5 -> 47.5（+1）  等级 D -> D  合格 是 -> 是\n")
                .contains("  FL-021 国产芯片软件适配与芯片清单不符：提示 无 -> 已触发\n")
                .contains("  GR-030 数据中心能效（PUE）：得分 1 -> 2\n")
                .doesNotContain("general").doesNotContain("compute.").doesNotContain("[score]").doesNotContain("true");
        CliRunner gate = CliRunner.run("whatif", "samples/general-chatbot-no-safety-assessment.json",
                "--set", "safety.securityAssessment=true");
        assertThat(gate.out()).contains("合格 否 -> 是")
                .contains("  GT-040 大模型、智能体、具身智能项目须完成安全与公平性评估：资格审查 未通过 -> 通过\n");
    }

    @Test
    void whatifAsJsonShouldListChangesAndTheNewEvaluation() {
        CliRunner r = CliRunner.run("whatif", "samples/general-chatbot-no-safety-assessment.json", "--format", "json",
                "--set", "safety.securityAssessment=true");
        JsonNode json = JsonIntake.mapper().readTree(r.out());
        assertThat(json.get("eligibleBefore").booleanValue()).isFalse();
        assertThat(json.get("eligibleAfter").booleanValue()).isTrue();
        assertThat(json.get("changed").get(0).get("ruleId").stringValue()).isEqualTo("GT-040");
        assertThat(json.get("changed").get(0).get("after").stringValue()).isEqualTo("passed");
    }

    @Test
    void whatifWhenFieldOrValueIsWrongShouldExit2WithTheReason() {
        CliRunner field = CliRunner.run("whatif", "samples/green-textile-factory.json", "--lang", "en", "--set", "compute.magic=1");
        assertThat(field.exitCode()).isEqualTo(2);
        assertThat(field.err()).contains("compute.magic is not a field of an application");
        CliRunner value = CliRunner.run("whatif", "samples/green-textile-factory.json", "--lang", "en", "--set",
                "green.dataCenterPue=0.5");
        assertThat(value.exitCode()).isEqualTo(2);
        assertThat(value.err()).contains("$.green.dataCenterPue: expected a PUE of 1.0 or more, found 0.5");
        CliRunner batch = CliRunner.run("whatif", "samples/batch-with-rejected-applications.json", "--lang", "en", "--set",
                "green.dataCenterPue=1.2");
        assertThat(batch.err()).contains("holds 3 applications: choose one with --id");
    }

    @Test
    void whatifWhenFieldOrValueIsWrongInChineseShouldNameTheFieldByItsLabel() {
        CliRunner field = CliRunner.run("whatif", "samples/green-textile-factory.json", "--set", "compute.magic=1");
        assertThat(field.exitCode()).isEqualTo(2);
        assertThat(field.err()).isEqualTo("错误：--set compute.magic=1：compute.magic 不是申请中的字段（字段见 docs/application-format.md）\n");
        CliRunner value = CliRunner.run("whatif", "samples/green-textile-factory.json", "--set", "green.dataCenterPue=0.5");
        assertThat(value.exitCode()).isEqualTo(2);
        assertThat(value.err()).isEqualTo("错误：修改后的申请无效：数据中心PUE：应为不小于 1.0 的 PUE，实际为0.5\n");
        CliRunner batch = CliRunner.run("whatif", "samples/batch-with-rejected-applications.json", "--set", "green.dataCenterPue=1.2");
        assertThat(batch.err()).isEqualTo("错误：samples/batch-with-rejected-applications.json 含 3 份申请：请用 --id 选择一份\n");
    }

    @Test
    void programsShouldListTheThreeProgrammesWithWeights() {
        JsonNode json = JsonIntake.mapper().readTree(CliRunner.run("programs", "--format", "json").out());
        assertThat(json.get("programs")).extracting(p -> p.get("id").stringValue())
                .containsExactly("general", "compute", "manufacturing");
        assertThat(json.get("programs").get(1).get("weights").get("domesticCompute").intValue()).isEqualTo(45);
        assertThat(json.get("programs").get(2).get("requiredSectors").get(0).stringValue()).isEqualTo("MANUFACTURING");
    }

    @Test
    void programsInChineseShouldNameDimensionsSharesAndSectorsInWordsAndCodesOnlyAsTheOptionToType() {
        String out = CliRunner.run("programs").out();
        assertThat(out).contains("国产算力基础设施专项（--program compute）\n"
                        + "  权重：国产算力 45，关键核心技术 20，绿色转型 20，人工智能+应用 10，创新生态 5\n"
                        + "  申请资金占总投资比例上限 50%；国产算力占比下限 50%\n"
                        + "  同分依次比较：国产算力 > 绿色转型 > 关键核心技术 > 人工智能+应用 > 创新生态\n")
                .contains("  申请资金占总投资比例上限 50%；支持行业：制造业\n");
        // a code appears only after --program, where the reader types it
        assertThat(out.replaceAll("--program [a-z]+", "")).doesNotContainPattern("[A-Za-z]{3,}");
        assertThat(CliRunner.run("programs", "--lang", "en").out()).contains("ties: domesticCompute > keyTechnology");
    }

    @Test
    void rulesCheckShouldPassTheBundledRules() {
        CliRunner r = CliRunner.run("rules", "check", "--lang", "en");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).contains("[ok]   every rule can fire").endsWith("all checks passed\n");
    }

    @Test
    void rulesCoverageShouldCountFiringsAndListRulesThatNeverFired() {
        CliRunner r = CliRunner.run("rules", "coverage", "--format", "json", "samples/green-textile-factory.json",
                "samples/general-chatbot-no-safety-assessment.json");
        JsonNode json = JsonIntake.mapper().readTree(r.out());
        assertThat(json.get("applications").intValue()).isEqualTo(2);
        JsonNode gr010 = null;
        for (JsonNode rule : json.get("rules")) {
            if (rule.get("ruleId").stringValue().equals("GR-010")) {
                gr010 = rule;
            }
        }
        assertThat(gr010.get("fired").intValue()).isEqualTo(1);
        assertThat(json.get("neverFired").toString()).contains("\"DC-030\"").doesNotContain("\"GT-040\"");
        String zh = CliRunner.run("rules", "coverage", "samples/green-textile-factory.json",
                "samples/general-chatbot-no-safety-assessment.json").out();
        assertThat(zh).startsWith("已评估 2 份申请（拒收 0 份）· sha256:").contains("  规则 ", "  GR-010   评分 ")
                .containsPattern("\n从未触发：[A-Z]{2}-\\d{3}、").doesNotContain("score", "never");
        assertThat(CliRunner.run("rules", "coverage", "--lang", "en", "samples/green-textile-factory.json").out())
                .contains("  rule     kind ", "never fired: ");
    }

    @Test
    void impactWithAChangedWeightShouldShowRankMovesAndWhoCrossesTheLine() throws IOException {
        Path rules = org.policyevaluator.TestSupport.copyOfRules(dir.resolve("rules"));
        Path programs = rules.resolve("tables/programs.csv");
        Files.writeString(programs, Files.readString(programs).replace("General AI innovation call,25,30,15,20,10,",
                "General AI innovation call,20,25,30,15,10,"));
        CliRunner r = CliRunner.run("impact", "--rules", rules.toString(), "--top", "4", "--format", "json",
                "samples/green-textile-factory.json", "samples/ai-chip-little-giant.json",
                "samples/university-open-dataset.json", "samples/hospital-diagnosis-agent.json",
                "samples/embodied-robot-consortium.json");
        assertThat(r.exitCode()).isEqualTo(0);
        JsonNode json = JsonIntake.mapper().readTree(r.out());
        assertThat(json.get("newlyFunded").toString()).isEqualTo("[\"GT-2026-013\"]");
        assertThat(json.get("noLongerFunded").toString()).isEqualTo("[\"EDU-2026-070\"]");
        JsonNode green = json.get("rows").get(0);
        assertThat(green.get("applicationId").stringValue()).isEqualTo("GT-2026-013");
        assertThat(green.get("oldRank").intValue()).isEqualTo(5);
        assertThat(green.get("newRank").intValue()).isEqualTo(1);

        // the text report, in Chinese unless --lang en
        String[] samples = {"samples/green-textile-factory.json", "samples/ai-chip-little-giant.json",
            "samples/university-open-dataset.json", "samples/hospital-diagnosis-agent.json", "samples/embodied-robot-consortium.json"};
        List<String> zh = new java.util.ArrayList<>(List.of("impact", "--rules", rules.toString(), "--top", "4"));
        zh.addAll(List.of(samples));
        String text = CliRunner.run(zh.toArray(String[]::new)).out();
        assertThat(text).startsWith("基准规则 内置规则 sha256:").contains("资助线：前 4 名\n", "  申报编号 ", "新进入资助\n",
                "新进入资助：GT-2026-013\n", "退出资助：EDU-2026-070\n").doesNotContain("funded", "base ");
        zh.add("--lang");
        zh.add("en");
        assertThat(CliRunner.run(zh.toArray(String[]::new)).out()).startsWith("base bundled rules sha256:")
                .contains("funding line: top 4\n", "NEWLY FUNDED\n", "newly funded: GT-2026-013\n");
    }
}
