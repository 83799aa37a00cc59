package org.policyevaluator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.store.StoreDatabase;
import tools.jackson.databind.JsonNode;

/**
 * evaluate --store, verify and replay as a user runs them: in a working directory of their own (the
 * store lives in ./data), as separate processes of the built jar, so that each is a restart.
 */
class StoreCommandsTest {
    @TempDir
    Path workDir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = workDir.resolve("stdout");
        Path err = workDir.resolve("stderr");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void evaluateWithStoreThenVerifyAndReplayShouldFindEverythingAfterARestart() throws Exception {
        Path sample = Path.of("samples/green-textile-factory.json").toAbsolutePath();
        Run stored = run("evaluate", "--store", "--as", "reviewer-a", sample.toString());
        assertThat(stored.exit()).isEqualTo(0);
        assertThat(stored.err()).contains("已保存为批次 ").contains("（1 份评估，提交人 reviewer-a）");
        JsonNode batch = JsonIntake.mapper().readTree(stored.out());
        String id = batch.get("evaluations").get(0).get("evaluationId").stringValue();
        assertThat(batch.get("batchId").stringValue()).isNotBlank();
        assertThat(Files.exists(workDir.resolve("data/policy-evaluator.mv.db"))).isTrue();

        Run verify = run("verify");
        assertThat(verify.exit()).isEqualTo(0);
        assertThat(verify.out()).endsWith("审计链完整：已校验 3 条记录\n");

        Run replay = run("replay", id);
        assertThat(replay.exit()).isEqualTo(0);
        assertThat(JsonIntake.mapper().readTree(replay.out()).get("identical").booleanValue()).isTrue();

        // a checkpoint as GET /api/audit/checkpoint serves it, saved by an auditor
        Path saved = workDir.resolve("checkpoint.json");
        try (var ds = StoreDatabase.open(StoreDatabase.h2Url(workDir.resolve("data")), "sa", "")) {
            var signer = org.policyevaluator.store.CheckpointSigner.open(workDir.resolve("data/audit-signing.key"));
            Files.writeString(saved, JsonIntake.mapper().writeValueAsString(
                    new org.policyevaluator.store.EvaluationStore(ds).checkpoint(signer)));
        }
        Run extended = run("verify", "--lang", "en", "--checkpoint", saved.toString());
        assertThat(extended.exit()).as(extended.err()).isEqualTo(0);
        assertThat(extended.out()).contains("audit chain intact: 3 entries verified; the log extends the checkpoint");
        Files.writeString(workDir.resolve("not-a-checkpoint.json"), "[1, 2]");
        Run notACheckpoint = run("verify", "--checkpoint", workDir.resolve("not-a-checkpoint.json").toString());
        assertThat(notACheckpoint.exit()).isEqualTo(2);
        assertThat(notACheckpoint.err()).contains("错误：" + workDir.resolve("not-a-checkpoint.json")
                + "：不是检查点（应为从 GET /api/audit/checkpoint 保存的 JSON）");

        try (var ds = StoreDatabase.open(StoreDatabase.h2Url(workDir.resolve("data")), "sa", "")) {
            new org.springframework.jdbc.core.JdbcTemplate(ds).update(
                    "UPDATE evaluation SET input_json = REPLACE(input_json, '22', '92') WHERE id = ?", id);
        }
        Run broken = run("verify", "--lang", "en");
        assertThat(broken.exit()).isEqualTo(4);
        assertThat(broken.out()).contains("audit chain BROKEN at evaluation " + id + " (chain entry 3): "
                + "the record was altered after it was recorded");
        Run chinese = run("verify");
        assertThat(chinese.exit()).isEqualTo(4);
        assertThat(chinese.out()).isEqualTo("评估库：规则集 1，批次 1，评估 1，复核调整 0，评审组记录 0，账户 0，审计链记录 3\n"
                + "审计链在 评估 " + id + "（审计链第 3 条记录） 处断开：该记录在保存后被修改\n");
    }

    @Test
    void impactWhenABatchIsStoredShouldCompareItsInputsUnderTheStoredRulesetAndTheNewFolder() throws Exception {
        Run stored = run("evaluate", "--store", "--no-suggestions", Path.of("samples/green-textile-factory.json").toAbsolutePath()
                .toString(), Path.of("samples/smart-factory-domestic-compute.json").toAbsolutePath().toString());
        JsonNode batch = JsonIntake.mapper().readTree(stored.out());
        String batchId = batch.get("batchId").stringValue();
        Path rules = org.policyevaluator.TestSupport.copyOfRules(workDir.resolve("new-rules"));
        Path programmes = rules.resolve("tables/programs.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(programmes));
        lines.replaceAll(l -> l.replace("General AI innovation call,25,30,15,20,10,", "General AI innovation call,20,25,30,15,10,"));
        Files.write(programmes, lines); // green weight 15 -> 30, as in the README

        Run impact = run("impact", "--rules", rules.toString(), "--batch", batchId, "--format", "json");
        assertThat(impact.exit()).as(impact.err()).isEqualTo(0);
        JsonNode report = JsonIntake.mapper().readTree(impact.out());
        assertThat(report.get("baseVersion").stringValue()).isEqualTo(batch.get("rulesetVersion").stringValue());
        assertThat(report.get("rows")).hasSize(2);
        JsonNode green = null;
        for (JsonNode row : report.get("rows")) {
            if (row.get("applicationId").stringValue().equals("GT-2026-013")) {
                green = row;
            }
        }
        assertThat(green.get("oldTotal").decimalValue()).isEqualByComparingTo("46.5");
        assertThat(green.get("newTotal").decimalValue()).isEqualByComparingTo("52.6");
        Run unknown = run("impact", "--rules", rules.toString(), "--batch", "no-such-batch");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("错误：评估库中没有批次 no-such-batch\n");
    }

    @Test
    void replayWhenTheIdIsUnknownShouldExit2() throws Exception {
        Run r = run("replay", "no-such-id");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("错误：评估库中没有评估 no-such-id\n");
        assertThat(run("replay", "--lang", "en", "no-such-id").err()).contains("error: no evaluation no-such-id in the store\n");
    }
}
