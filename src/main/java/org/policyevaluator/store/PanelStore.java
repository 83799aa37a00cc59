package org.policyevaluator.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The acts of review panels, kept as records that are never changed and each linked into the audit chain:
 * what the panel's state is (who is assigned, who chairs, which reviews are in) is read from them. Drafts
 * of reviews are the only thing changed in place, and are not in the chain until submitted.
 */
public final class PanelStore {
    public enum Kind { ASSIGNMENT, CHAIR, CONFLICT, REVIEW, CONSENSUS, FUNDING }

    /** One act of a panel: about a batch, and an evaluation of it unless it is about the whole batch. */
    public record Record(String id, Kind kind, String batchId, String evaluationId, String account, String bodyJson,
                         String createdAt, String createdBy) {
    }

    private static final RowMapper<Record> RECORD = (rs, n) -> new Record(rs.getString("id"),
            Kind.valueOf(rs.getString("kind")), rs.getString("batch_id"), rs.getString("evaluation_id"),
            rs.getString("account"), rs.getString("body_json"), rs.getString("created_at"), rs.getString("created_by"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public PanelStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Clock.systemUTC();
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The records of a batch, in the order they were made (the log's: several made at once share their time). */
    public List<Record> ofBatch(String batchId) {
        return jdbc.query("SELECT p.* FROM panel_record p JOIN audit_log a ON a.kind = 'PANEL' AND a.ref_id = p.id "
                + "WHERE p.batch_id = ? ORDER BY a.seq", RECORD, batchId);
    }

    /**
     * Records acts in one transaction, each linked into the chain. {@code check} runs first, with the chain head
     * locked, on the records as they are: what it refuses is not recorded (two chairs recording a consensus at
     * once line up, and the second sees the first).
     */
    public List<Record> record(List<Record> records, Runnable check) {
        String at = now();
        return tx.execute(status -> {
            AuditChain.lock(jdbc);
            check.run();
            List<Record> made = new java.util.ArrayList<>();
            List<AuditChain.Entry> entries = new java.util.ArrayList<>();
            for (Record r : records) {
                Record m = new Record(UUID.randomUUID().toString(), r.kind(), r.batchId(), r.evaluationId(), r.account(),
                        r.bodyJson(), at, r.createdBy());
                jdbc.update("INSERT INTO panel_record (id, kind, batch_id, evaluation_id, account, body_json, created_at, "
                                + "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", m.id(), m.kind().name(), m.batchId(),
                        m.evaluationId(), m.account(), m.bodyJson(), m.createdAt(), m.createdBy());
                if (m.kind() == Kind.REVIEW) {
                    jdbc.update("DELETE FROM review_draft WHERE evaluation_id = ? AND reviewer = ?", m.evaluationId(), m.account());
                }
                entries.add(new AuditChain.Entry("PANEL", m.id(), payload(m)));
                made.add(m);
            }
            AuditChain.appendAll(jdbc, entries, at);
            return List.copyOf(made);
        });
    }

    /** A new record to be made by {@link #record} (its id and time are given then). */
    public static Record of(Kind kind, String batchId, String evaluationId, String account, String bodyJson, String by) {
        return new Record(null, kind, batchId, evaluationId, account, bodyJson, null, by);
    }

    /** A reviewer's draft of a review, replaced as they edit it. */
    public void saveDraft(String evaluationId, String reviewer, String bodyJson) {
        tx.executeWithoutResult(status -> {
            if (jdbc.update("UPDATE review_draft SET body_json = ?, updated_at = ? WHERE evaluation_id = ? AND reviewer = ?",
                    bodyJson, now(), evaluationId, reviewer) == 0) {
                jdbc.update("INSERT INTO review_draft (evaluation_id, reviewer, body_json, updated_at) VALUES (?, ?, ?, ?)",
                        evaluationId, reviewer, bodyJson, now());
            }
        });
    }

    public Optional<String> draft(String evaluationId, String reviewer) {
        return jdbc.queryForList("SELECT body_json FROM review_draft WHERE evaluation_id = ? AND reviewer = ?", String.class,
                evaluationId, reviewer).stream().findFirst();
    }

    static String payload(Record r) {
        return Hashes.ofFields(r.id(), r.kind().name(), r.batchId(), r.evaluationId(), r.account(),
                Hashes.sha256(r.bodyJson()), r.createdAt(), r.createdBy());
    }

    /** The record's payload as it is now in the store, or null when it is gone (for verification). */
    static String currentPayload(JdbcTemplate jdbc, String id) {
        return jdbc.query("SELECT * FROM panel_record WHERE id = ?", RECORD, id).stream().findFirst()
                .map(PanelStore::payload).orElse(null);
    }
}
