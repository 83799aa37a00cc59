package org.policyevaluator.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Submissions as they are worked on: started RUNNING before anything is evaluated, DONE in the same
 * transaction that stores their batch ({@link EvaluationStore#save}), FAILED with the problem the client
 * would have been answered. So a client whose request outlasted its answer asks here, on any node, and is
 * never left guessing whether its batch was stored. One that is still RUNNING after {@code abandonedAfter}
 * died with its node: nothing of it was stored (a batch is stored whole or not at all).
 */
public final class Submissions {
    public enum State { RUNNING, DONE, FAILED, INTERRUPTED }

    public record Submission(String submissionId, String submitter, State state, String batchId, Integer problemStatus,
                             String problemJson, String submittedAt, String finishedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Duration abandonedAfter;
    private final Clock clock;

    public Submissions(DataSource dataSource, Duration abandonedAfter) {
        this(dataSource, abandonedAfter, Clock.systemUTC());
    }

    Submissions(DataSource dataSource, Duration abandonedAfter, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.abandonedAfter = abandonedAfter;
        this.clock = clock;
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** A new submission of {@code submitter}, RUNNING; its id. */
    public String start(String submitter) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO submission (id, submitter, state, submitted_at) VALUES (?, ?, 'RUNNING', ?)", id, submitter,
                now());
        return id;
    }

    /** Done: called inside the transaction that stores the batch. */
    static void markDone(JdbcTemplate jdbc, String id, String batchId, String at) {
        jdbc.update("UPDATE submission SET state = 'DONE', batch_id = ?, finished_at = ? WHERE id = ?", batchId, at, id);
    }

    /** Refused or failed, with the status and problem body it was (or would have been) answered with. */
    public void markFailed(String id, int status, String problemJson) {
        jdbc.update("UPDATE submission SET state = 'FAILED', problem_status = ?, problem_json = ?, finished_at = ? "
                + "WHERE id = ? AND state = 'RUNNING'", status, problemJson, now(), id);
    }

    public Optional<Submission> find(String id) {
        return jdbc.query("SELECT * FROM submission WHERE id = ?", (rs, n) -> {
            State state = State.valueOf(rs.getString("state"));
            String at = rs.getString("submitted_at");
            if (state == State.RUNNING && Instant.parse(at).plus(abandonedAfter).isBefore(Instant.now(clock))) {
                state = State.INTERRUPTED;
            }
            int status = rs.getInt("problem_status");
            Integer problemStatus = rs.wasNull() ? null : status;
            return new Submission(rs.getString("id"), rs.getString("submitter"), state, rs.getString("batch_id"),
                    problemStatus, rs.getString("problem_json"), at, rs.getString("finished_at"));
        }, id).stream().findFirst();
    }
}
