package org.policyevaluator.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyevaluator.TestSupport;
import org.policyevaluator.batch.BatchRun;
import org.policyevaluator.rules.RuleBase;

/** A batch whose process is killed half-way leaves nothing behind, and can be submitted again. */
class InterruptedBatchTest {
    private static final int BATCH = 4000;

    @TempDir
    static Path tmp;

    static Stream<String> databases() {
        return Stream.of("H2", "PostgreSQL");
    }

    /** The child process: evaluates a large batch, says "saving", then saves it in one transaction. */
    public static void main(String[] args) {
        try (HikariDataSource ds = StoreDatabase.open(args[0], args[1], "")) {
            RuleBase rules = RuleBase.bundled();
            BatchRun.Result batch = batch(rules);
            System.out.println("saving");
            System.out.flush();
            new EvaluationStore(ds).save(rules, batch, "child", "zh");
            System.out.println("saved");
        }
    }

    static BatchRun.Result batch(RuleBase rules) {
        try (BatchRun batch = BatchRun.inMemory(new org.policyevaluator.evaluation.Evaluator(rules), null, false)) {
            for (int i = 0; i < BATCH; i++) {
                var json = TestSupport.with("techAreas", List.of("AI_CHIP"), "green.energySavingPercent", 12);
                json.put("applicationId", "K-" + i);
                var read = rules.reader().read(json, "$");
                batch.accept(new org.policyevaluator.intake.Submission("generated",
                        org.policyevaluator.intake.Location.InJson.of("$[" + i + "]"), read.application()));
            }
            return batch.finish();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveWhenTheProcessIsKilledHalfWayShouldLeaveNothingAndAcceptTheBatchAgain(String kind) throws Exception {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp)) {
            try (HikariDataSource ds = db.open()) { // migrate first, so the child only saves
                assertThat(new EvaluationStore(ds).counts().get("evaluation")).isZero();
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), InterruptedBatchTest.class.getName(), db.url(), db.user()));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread drain = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (java.io.IOException closedByTheKill) {
                    // the stream ends with the process
                }
            });
            drain.start();
            long deadline = System.currentTimeMillis() + 120_000;
            while (!lines.contains("saving") && child.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(lines).as("the child reached the save").contains("saving");
            Thread.sleep(700);
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback by the process itself
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            drain.join(5_000);
            assertThat(lines).as("the save must still have been running when killed").doesNotContain("saved");

            try (HikariDataSource ds = db.open()) {
                EvaluationStore store = new EvaluationStore(ds);
                assertThat(store.counts()).containsEntry("batch", 0).containsEntry("evaluation", 0);
                assertThat(store.verify().intact()).isTrue();
                RuleBase rules = TestSupport.RULES;
                BatchRun.Result again = batch(rules);
                EvaluationStore.Saved saved = store.save(rules, again, "again", "zh");
                assertThat(saved.evaluationIds()).hasSize(BATCH);
                assertThat(store.verify().intact()).isTrue();
            }
        }
    }
}
