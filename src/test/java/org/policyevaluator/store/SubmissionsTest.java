package org.policyevaluator.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyevaluator.TestSupport;
import org.policyevaluator.batch.BatchRun;
import org.policyevaluator.intake.JsonIntake;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A submission is DONE exactly when its batch is stored, FAILED with its problem, INTERRUPTED when its node died
 * before storing anything; an idempotency key whose batch was stored is never taken over by a repeat.
 */
class SubmissionsTest {
    @TempDir
    static Path tmp;

    static Stream<String> databases() {
        return Stream.of("H2", "PostgreSQL");
    }

    private static BatchRun.Result oneSample() {
        try (BatchRun batch = BatchRun.inMemory(TestSupport.EVALUATOR, null, false)) {
            new JsonIntake(TestSupport.RULES.reader()).read(Path.of("samples", "green-textile-factory.json"), batch::accept,
                    batch::reject);
            return batch.finish();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void saveWithASubmissionShouldMarkItDoneInTheSameTransactionAndAFailureShouldKeepItsProblem(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp); HikariDataSource ds = db.open()) {
            Submissions submissions = new Submissions(ds, Duration.ofMinutes(10));
            EvaluationStore store = new EvaluationStore(ds);
            String id = submissions.start("ana");
            assertThat(submissions.find(id).orElseThrow().state()).isEqualTo(Submissions.State.RUNNING);
            EvaluationStore.Saved saved = store.save(TestSupport.RULES, oneSample(), "ana", "zh", id, null);
            Submissions.Submission done = submissions.find(id).orElseThrow();
            assertThat(done.state()).isEqualTo(Submissions.State.DONE);
            assertThat(done.batchId()).isEqualTo(saved.batchId());
            assertThat(done.finishedAt()).isNotNull();
            submissions.markFailed(id, 500, "{}"); // too late: what is stored stays DONE
            assertThat(submissions.find(id).orElseThrow().state()).isEqualTo(Submissions.State.DONE);

            String refused = submissions.start("ana");
            submissions.markFailed(refused, 400, "{\"status\":400}");
            Submissions.Submission failed = submissions.find(refused).orElseThrow();
            assertThat(failed.state()).isEqualTo(Submissions.State.FAILED);
            assertThat(failed.problemStatus()).isEqualTo(400);
            assertThat(failed.problemJson()).isEqualTo("{\"status\":400}");
            assertThat(failed.batchId()).isNull();
            assertThat(store.verify().intact()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void submissionWhenStillRunningLongAfterItBeganShouldBeReportedInterrupted(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp); HikariDataSource ds = db.open()) {
            String id = new Submissions(ds, Duration.ofMinutes(10)).start("bo");
            Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(11)), ZoneOffset.UTC);
            Clock sooner = Clock.fixed(Instant.now().plus(Duration.ofMinutes(9)), ZoneOffset.UTC);
            assertThat(new Submissions(ds, Duration.ofMinutes(10), sooner).find(id).orElseThrow().state())
                    .isEqualTo(Submissions.State.RUNNING);
            assertThat(new Submissions(ds, Duration.ofMinutes(10), later).find(id).orElseThrow().state())
                    .isEqualTo(Submissions.State.INTERRUPTED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keyWhenItsNodeDiedAfterStoringShouldPointToTheSubmissionAndWhenBeforeShouldBeTakenOver(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp); HikariDataSource ds = db.open()) {
            IdempotencyKeys keys = new IdempotencyKeys(ds, Duration.ofMinutes(10));
            Submissions submissions = new Submissions(ds, Duration.ofMinutes(10));
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            long elevenMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(11).toMillis();

            // stored, then the node died before the answer was kept with the key
            assertThat(keys.claim("cy", "k-stored", "r1")).isInstanceOf(IdempotencyKeys.Claimed.class);
            String stored = submissions.start("cy");
            keys.attach("cy", "k-stored", stored);
            new EvaluationStore(ds).save(TestSupport.RULES, oneSample(), "cy", "zh", stored, null);
            jdbc.update("UPDATE idempotency_key SET created_at = ? WHERE idem_key = 'k-stored'", elevenMinutesAgo);
            assertThat(keys.claim("cy", "k-stored", "r1")).isEqualTo(new IdempotencyKeys.InProgress(stored));

            // the node died before anything was stored: a repeat takes the key over
            assertThat(keys.claim("cy", "k-lost", "r2")).isInstanceOf(IdempotencyKeys.Claimed.class);
            String lost = submissions.start("cy");
            keys.attach("cy", "k-lost", lost);
            assertThat(keys.claim("cy", "k-lost", "r2")).isEqualTo(new IdempotencyKeys.InProgress(lost));
            jdbc.update("UPDATE idempotency_key SET created_at = ? WHERE idem_key = 'k-lost'", elevenMinutesAgo);
            assertThat(keys.claim("cy", "k-lost", "r2")).isInstanceOf(IdempotencyKeys.Claimed.class);
        }
    }
}
