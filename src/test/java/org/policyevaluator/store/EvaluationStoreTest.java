package org.policyevaluator.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyevaluator.TestSupport;
import org.policyevaluator.batch.BatchRun;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleFiles;

/** The store on H2 and on PostgreSQL: kept across restarts, replayed identically, tampering caught. */
class EvaluationStoreTest {
    @TempDir
    static Path tmp;

    /** Each test gets a fresh database of each kind, dropped when it ends. */
    static Stream<String> databases() {
        return Stream.of("H2", "PostgreSQL");
    }

    /** Evaluates the samples with a rule base and saves them as one batch. */
    static EvaluationStore.Saved submit(EvaluationStore store, RuleBase rules, String who, String... samples) {
        Evaluator evaluator = rules == TestSupport.RULES ? TestSupport.EVALUATOR : new Evaluator(rules);
        try (BatchRun batch = BatchRun.inMemory(evaluator, null, true)) {
            JsonIntake intake = new JsonIntake(rules.reader());
            for (String s : samples) {
                intake.read(Path.of("samples", s), batch::accept, batch::reject);
            }
            return store.save(rules, batch.finish(), who, "zh");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveShouldKeepInputResultAndRulesetAcrossARestart(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp)) {
            EvaluationStore.Saved saved;
            try (HikariDataSource ds = db.open()) {
                saved = submit(new EvaluationStore(ds), TestSupport.RULES, "alice",
                        "green-textile-factory.json", "batch-with-rejected-applications.json");
            }
            try (HikariDataSource ds = db.open()) { // a new connection pool: as after a restart
                EvaluationStore store = new EvaluationStore(ds);
                assertThat(saved.evaluationIds()).hasSize(3);
                var stored = store.evaluation(saved.evaluationIds().get(0)).orElseThrow();
                assertThat(stored.applicationId()).isEqualTo("GT-2026-013");
                assertThat(stored.rulesetVersion()).isEqualTo(TestSupport.RULES.version());
                assertThat(stored.inputSha256()).isEqualTo(Hashes.sha256(stored.inputJson()));
                assertThat(stored.resultJson()).contains("\"totalScore\" : 46");
                assertThat(stored.submittedBy()).isEqualTo("alice");
                var batch = store.batch(saved.batchId()).orElseThrow();
                assertThat(batch.evaluationIds()).isEqualTo(saved.evaluationIds());
                assertThat(batch.rejectedJson()).contains("B-002");
                assertThat(store.ruleset(TestSupport.RULES.version()).orElseThrow().sha256()).isEqualTo(TestSupport.RULES.version());
                assertThat(store.verify().intact()).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void replayShouldUseTheStoredRulesetAndBeIdenticalAfterTheRulesChange(String kind) throws IOException {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp)) {
            Path changed = TestSupport.copyOfRules(tmp.resolve("changed-" + db.kind()));
            Path scoring = changed.resolve("tables/scoring.csv");
            Files.writeString(scoring, Files.readString(scoring).replace("GR-040,*,,,2,", "GR-040,*,,,1,").replace(
                    "GR-050,*,,,2,", "GR-050,*,,,3,"));
            RuleBase old = RuleBase.build(RuleFiles.fromDirectory(changed));
            try (HikariDataSource ds = db.open()) {
                EvaluationStore store = new EvaluationStore(ds);
                String id = submit(store, old, "bob", "green-textile-factory.json").evaluationIds().get(0);
                Files.delete(scoring); // the folder is gone: replay must use what the store kept
                Replayer.Result replay = new Replayer(store).replay(id);
                assertThat(replay.identical()).isTrue();
                assertThat(replay.differences()).isEmpty();
                assertThat(replay.rulesetVersion()).isEqualTo(old.version()).isNotEqualTo(TestSupport.RULES.version());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void replayWhenTheStoredResultWasAlteredShouldListTheDifferences(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp)) {
            try (HikariDataSource ds = db.open()) {
                EvaluationStore store = new EvaluationStore(ds);
                String id = submit(store, TestSupport.RULES, "carol", "university-open-dataset.json").evaluationIds().get(0);
                store.jdbc().update("UPDATE evaluation SET result_json = REPLACE(result_json, '\"grade\" : \"C\"', '\"grade\" : \"A\"')"
                        + " WHERE id = ?", id);
                Replayer.Result replay = new Replayer(store).replay(id);
                assertThat(replay.identical()).isFalse();
                assertThat(replay.differences()).containsExactly(new Replayer.Difference("$.grade", "\"A\"", "\"C\""));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void verifyWhenARowIsTamperedWithShouldNameTheFirstBrokenRecord(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp)) {
            try (HikariDataSource ds = db.open()) {
                EvaluationStore store = new EvaluationStore(ds);
                var saved = submit(store, TestSupport.RULES, "dave", "green-textile-factory.json", "ai-chip-little-giant.json");
                assertThat(store.verify().intact()).isTrue();
                String victim = saved.evaluationIds().get(1);
                store.jdbc().update("UPDATE evaluation SET total_score = 99 WHERE id = ?", victim);
                AuditChain.Report report = store.verify();
                assertThat(report.intact()).isFalse();
                assertThat(report.firstBroken()).startsWith("evaluation " + victim + " (chain entry ");
                assertThat(report.reason()).isEqualTo("the record was altered after it was recorded");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void verifyWhenAChainEntryIsRewrittenOrARecordDeletedOrSmuggledInShouldSaySo(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp)) {
            try (HikariDataSource ds = db.open()) {
                EvaluationStore store = new EvaluationStore(ds);
                var saved = submit(store, TestSupport.RULES, "erin", "green-textile-factory.json", "ai-chip-little-giant.json");
                var jdbc = store.jdbc();
                long seq = jdbc.queryForObject("SELECT seq FROM audit_log WHERE ref_id = ?", Long.class, saved.evaluationIds().get(0));
                String hash = jdbc.queryForObject("SELECT hash FROM audit_log WHERE seq = ?", String.class, seq);
                jdbc.update("UPDATE audit_log SET hash = ? WHERE seq = ?", "f".repeat(64), seq);
                assertThat(store.verify().reason()).isEqualTo("the chain entry itself was altered");
                jdbc.update("UPDATE audit_log SET hash = ? WHERE seq = ?", hash, seq);
                assertThat(store.verify().intact()).isTrue();

                jdbc.update("DELETE FROM evaluation WHERE id = ?", saved.evaluationIds().get(1));
                assertThat(store.verify().reason()).isEqualTo("the record was deleted");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void overrideShouldStandBesideTheEngineResultAndJoinTheChain(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp)) {
            try (HikariDataSource ds = db.open()) {
                EvaluationStore store = new EvaluationStore(ds);
                String id = submit(store, TestSupport.RULES, "frank", "green-textile-factory.json").evaluationIds().get(0);
                String before = store.evaluation(id).orElseThrow().resultJson();
                var o = store.recordOverride(id, "reviewer-1", "DIMENSION", "keyTechnology", "KT-010", "13", "15",
                        "KT-010: the decision-AI platform is the applicant's own chip scheduler; tier 1 applies.");
                assertThat(o.engineValue()).isEqualTo("13");
                assertThat(o.newValue()).isEqualTo("15");
                assertThat(store.overrides(id)).containsExactly(o);
                assertThat(store.evaluation(id).orElseThrow().resultJson()).isEqualTo(before);
                assertThat(store.verify().intact()).isTrue();
                store.jdbc().update("UPDATE override_record SET new_value = '30' WHERE id = ?", o.overrideId());
                assertThat(store.verify().firstBroken()).startsWith("override " + o.overrideId());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveWhenSubmissionsRunConcurrentlyShouldKeepOneUnbrokenChain(String kind) throws Exception {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp)) {
            try (HikariDataSource ds = db.open()) {
                EvaluationStore store = new EvaluationStore(ds);
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<EvaluationStore.Saved>> futures = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String who = "user-" + i;
                    futures.add(pool.submit(() -> submit(store, TestSupport.RULES, who, "green-textile-factory.json",
                            "hospital-diagnosis-agent.json")));
                }
                for (var f : futures) {
                    assertThat(f.get().evaluationIds()).hasSize(2);
                }
                pool.shutdown();
                assertThat(store.verify()).isEqualTo(new AuditChain.Report(true, store.counts().get("audit_log"), null));
                assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM evaluation WHERE submitted_by LIKE 'user-%'",
                        Integer.class)).isEqualTo(16);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveWithANameShouldKeepItAndARenameBehindTheStoreShouldBreakTheChain(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp); HikariDataSource ds = db.open()) {
            EvaluationStore store = new EvaluationStore(ds);
            try (BatchRun batch = BatchRun.inMemory(TestSupport.EVALUATOR, null, false)) {
                new JsonIntake(TestSupport.RULES.reader()).read(Path.of("samples", "green-textile-factory.json"),
                        batch::accept, batch::reject);
                EvaluationStore.Saved saved = store.save(TestSupport.RULES, batch.finish(), "ana", "zh", null, "2026 年第一批");
                assertThat(store.batch(saved.batchId()).orElseThrow().name()).isEqualTo("2026 年第一批");
                assertThat(store.verify().intact()).isTrue();
                new org.springframework.jdbc.core.JdbcTemplate(ds).update("UPDATE batch SET name = '2026 年第二批' WHERE id = ?",
                        saved.batchId());
                AuditChain.Report renamed = store.verify();
                assertThat(renamed.intact()).isFalse();
                assertThat(renamed.firstBroken()).startsWith("batch " + saved.batchId());
            }
        }
    }
}
