package org.policyevaluator.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency keys of submissions (as Stripe's and the IETF draft's Idempotency-Key): the first request with
 * a key claims it before anything is evaluated, and its answer is kept with it once stored; a repeat gets
 * that answer, and a repeat while the first is still working is pointed to its submission. A claim whose request
 * died without storing anything is taken over after {@code abandonedAfter}; one whose batch was stored before
 * its node died never is (its submission leads to the batch).
 */
public class IdempotencyKeys {
    /** What a claim found. */
    public sealed interface Claim {
    }

    /** The key is this request's to use: evaluate, then {@link #complete} or {@link #release}. */
    public record Claimed() implements Claim {
    }

    /** The first request with the key was answered: its answer. */
    public record Answered(String contentType, byte[] body) implements Claim {
    }

    /** The first request with the key is still being worked on, as that submission (null before it has one). */
    public record InProgress(String submissionId) implements Claim {
    }

    /** The key was used for a different request. */
    public record Mismatch() implements Claim {
    }

    private final JdbcTemplate jdbc;
    private final Duration abandonedAfter;
    private final Clock clock = Clock.systemUTC();

    public IdempotencyKeys(DataSource dataSource, Duration abandonedAfter) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.abandonedAfter = abandonedAfter;
    }

    public Claim claim(String submitter, String key, String requestSha256) {
        long now = clock.millis();
        try {
            jdbc.update("INSERT INTO idempotency_key (submitter, idem_key, request_sha256, state, created_at) "
                    + "VALUES (?, ?, ?, 'PENDING', ?)", submitter, key, requestSha256, now);
            return new Claimed();
        } catch (DuplicateKeyException taken) {
            List<Claim> found = jdbc.query("SELECT request_sha256, state, content_type, body, created_at, submission_id FROM idempotency_key "
                    + "WHERE submitter = ? AND idem_key = ?", (rs, n) -> {
                        if (!rs.getString(1).equals(requestSha256)) {
                            return new Mismatch();
                        }
                        if (rs.getString(2).equals("DONE")) {
                            return new Answered(rs.getString(3), rs.getBytes(4));
                        }
                        if (rs.getLong(5) >= now - abandonedAfter.toMillis() || stored(rs.getString(6))) {
                            // at work, or its node died after storing the batch: its submission says where it is
                            return new InProgress(rs.getString(6));
                        }
                        return null;
                    }, submitter, key);
            if (found.isEmpty()) {
                return claim(submitter, key, requestSha256); // released meanwhile
            }
            if (found.get(0) == null) {
                // abandoned: taken over by whoever moves its time first
                int taken2 = jdbc.update("UPDATE idempotency_key SET created_at = ? WHERE submitter = ? AND idem_key = ? "
                        + "AND state = 'PENDING' AND created_at < ?", now, submitter, key, now - abandonedAfter.toMillis());
                return taken2 == 1 ? new Claimed() : new InProgress(null);
            }
            return found.get(0);
        }
    }

    /** Whether the submission of a key's first request stored its batch. */
    private boolean stored(String submissionId) {
        return submissionId != null && !jdbc.queryForList("SELECT id FROM submission WHERE id = ? AND state = 'DONE'",
                String.class, submissionId).isEmpty();
    }

    /** The submission that works on a claimed key's request: a repeat meanwhile is pointed to it. */
    public void attach(String submitter, String key, String submissionId) {
        jdbc.update("UPDATE idempotency_key SET submission_id = ? WHERE submitter = ? AND idem_key = ?", submissionId,
                submitter, key);
    }

    /** The answer of a claimed key, given to every repeat from now on. */
    public void complete(String submitter, String key, String contentType, byte[] body) {
        jdbc.update("UPDATE idempotency_key SET state = 'DONE', content_type = ?, body = ? WHERE submitter = ? AND idem_key = ?",
                contentType, body, submitter, key);
    }

    /** A claimed key whose request stored nothing (it was refused): free for a corrected repeat. */
    public void release(String submitter, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE submitter = ? AND idem_key = ? AND state = 'PENDING'", submitter, key);
    }
}
