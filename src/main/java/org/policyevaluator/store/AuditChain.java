package org.policyevaluator.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.policyevaluator.rules.RuleFiles;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit chain: one entry per stored record (RULESET, BATCH, EVALUATION, OVERRIDE, ACCOUNT, PANEL), each holding
 * the hash of the record's content and the hash of the entry before it. Verifying recomputes both
 * from the records as they are now, so an edited, deleted or inserted record, or an edited entry,
 * breaks the chain at the first place it happened.
 */
public final class AuditChain {

    /**
     * The outcome of a verification: intact, or where the chain is first broken and why ({@code broken}, as parts, which
     * each output words in its language). The API gives {@code firstBroken} and {@code reason} in English, as before.
     */
    @JsonPropertyOrder({"intact", "entries", "firstBroken", "reason"})
    public record Report(boolean intact, long entries, @JsonIgnore Broken broken) {
        static Report intact(long entries) {
            return new Report(true, entries, null);
        }

        /** Where, in English ("batch b-1 (chain entry 3)"); null when intact. */
        @JsonProperty("firstBroken")
        public String firstBroken() {
            return broken == null ? null : broken.where();
        }

        /** Why, in English; null when intact. */
        @JsonProperty("reason")
        public String reason() {
            return broken == null ? null : broken.because();
        }
    }

    /** Where the chain is broken. */
    public sealed interface Place permits Place.Entry, Place.Record, Place.Checkpoint {
        /** A chain entry by its number: it is missing, or the entries after it were removed. */
        record Entry(long seq) implements Place {
        }

        /** A record (its kind as the log names it, in lower case: "batch"; its id) at its chain entry, null: not in the chain. */
        record Record(String kind, String id, Long entry) implements Place {
        }

        /** A checkpoint an auditor saved: how many entries it covers, and when it was made. */
        record Checkpoint(long treeSize, String time) implements Place {
        }
    }

    /** Why the chain is broken: {@code key} names its words (audit.reason.KEY, with the log's size and the checkpoint's). */
    public enum Reason {
        MISSING("missing", "the entry is missing"),
        UNLINKED("unlinked", "it does not carry the hash of the entry before it"),
        ENTRY_ALTERED("entryAltered", "the chain entry itself was altered"),
        DELETED("deleted", "the record was deleted"),
        ALTERED("altered", "the record was altered after it was recorded"),
        TRUNCATED("truncated", "entries after it were removed"),
        UNCHAINED("unchained", "the record is not in the audit chain: it was inserted outside the store"),
        CHECKPOINT_UNSIGNED("checkpointUnsigned", "the checkpoint's signature does not hold: it was not signed by its key"),
        CHECKPOINT_LONGER("checkpointLonger", "the log has {0} entries, fewer than the checkpoint: entries were removed"),
        CHECKPOINT_REWRITTEN("checkpointRewritten",
                "the first {1} entries no longer have the checkpoint's root: the log was rewritten");

        public final String key;
        private final String english;

        Reason(String key, String english) {
            this.key = key;
            this.english = english;
        }
    }

    /** Where and why; {@code logSize}: the entries the log has (a checkpoint longer than the log names it). */
    public record Broken(Place at, Reason reason, long logSize) {
        /** The checkpoint's size, when the place is one; else 0. */
        public long treeSize() {
            return at instanceof Place.Checkpoint c ? c.treeSize() : 0;
        }

        String where() {
            if (at instanceof Place.Entry e) {
                return "chain entry " + e.seq();
            }
            if (at instanceof Place.Record r) {
                return r.kind() + " " + r.id() + (r.entry() == null ? "" : " (chain entry " + r.entry() + ")");
            }
            Place.Checkpoint c = (Place.Checkpoint) at;
            return "checkpoint of " + c.treeSize() + " entries (" + c.time() + ")";
        }

        String because() {
            return reason.english.replace("{0}", String.valueOf(logSize)).replace("{1}", String.valueOf(treeSize()));
        }
    }

    /** Rows sent to the database in one round trip when many are written at once (a batch and its entries). */
    static final int ROWS_PER_ROUND_TRIP = 500;

    private AuditChain() {
    }

    /**
     * Locks the chain head for the rest of the caller's transaction: writers take it before anything
     * else, so that concurrent submissions line up (and a ruleset is registered once).
     */
    static void lock(JdbcTemplate jdbc) {
        jdbc.queryForMap("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE");
    }

    /** Appends an entry; the caller's transaction holds the chain head locked until it commits. */
    static void append(JdbcTemplate jdbc, String kind, String refId, String payloadSha256, String at) {
        appendAll(jdbc, List.of(new Entry(kind, refId, payloadSha256)), at);
    }

    /** An entry to be linked into the chain: what kind of record, its id, and the hash of its content. */
    record Entry(String kind, String refId, String payloadSha256) {
    }

    /**
     * Appends entries in their order, with one read of the head and one update of it: the head is locked from
     * here until the caller's transaction commits, so a caller writes its records before and calls this last.
     */
    static void appendAll(JdbcTemplate jdbc, List<Entry> entries, String at) {
        Map<String, Object> head = jdbc.queryForMap("SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE");
        long seq = ((Number) head.get("seq")).longValue();
        String prev = (String) head.get("hash");
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            seq++;
            String hash = entryHash(seq, e.kind(), e.refId(), e.payloadSha256(), prev, at);
            rows.add(new Object[] {seq, e.kind(), e.refId(), e.payloadSha256(), prev, hash, at});
            prev = hash;
        }
        for (int from = 0; from < rows.size(); from += ROWS_PER_ROUND_TRIP) {
            jdbc.batchUpdate("INSERT INTO audit_log (seq, kind, ref_id, payload_sha256, prev_hash, hash, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", rows.subList(from, Math.min(rows.size(), from + ROWS_PER_ROUND_TRIP)));
        }
        jdbc.update("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1", seq, prev);
    }

    /**
     * An account as the log records it, in the caller's transaction: its name, role, password hash,
     * programmes and who made it — so that a role, a password or a programme changed in the database
     * behind the application's back breaks the chain.
     */
    public static void appendAccount(JdbcTemplate jdbc, String username, String at) {
        append(jdbc, "ACCOUNT", username, accountPayload(jdbc, username), at);
    }

    static String accountPayload(JdbcTemplate jdbc, String username) {
        // every column: the organisation's came with V8, and V6 records the accounts made before it
        var rows = jdbc.queryForList("SELECT * FROM account WHERE username = ?", username);
        if (rows.isEmpty()) {
            return null;
        }
        var r = rows.get(0);
        List<String> programs = jdbc.queryForList("SELECT program FROM reviewer_program WHERE username = ? ORDER BY program",
                String.class, username);
        String payload = Hashes.ofFields(r.get("username"), r.get("password_hash"), r.get("role"), String.join(",", programs),
                r.get("created_at"), r.get("created_by"));
        // the organisation, kept since V8, is chained too (accounts without one hash as they did before it)
        return r.get("organisation") == null && r.get("organisation_credit_code") == null ? payload
                : Hashes.ofFields(payload, r.get("organisation"), r.get("organisation_credit_code"));
    }

    static String entryHash(long seq, String kind, String refId, String payload, String prev, String at) {
        return Hashes.ofFields(seq, kind, refId, payload, prev, at);
    }

    static String rulesetPayload(String version, RuleFiles files) {
        StringBuilder sb = new StringBuilder(version);
        files.files().forEach((path, content) -> sb.append('\n').append(path).append(' ').append(Hashes.sha256(content)));
        return Hashes.sha256(sb.toString());
    }

    static String batchPayload(String id, String submittedBy, String at, String program, String lang, String version,
                               int evaluatedCount, String rejectedJson, String name) {
        String payload = Hashes.ofFields(id, submittedBy, at, program, lang, version, evaluatedCount, Hashes.sha256(rejectedJson));
        // the name, kept since V10, is chained too (batches without one hash as they did before it)
        return name == null ? payload : Hashes.ofFields(payload, name);
    }

    static String evaluationPayload(EvaluationStore.StoredEvaluation s) {
        String payload = Hashes.ofFields(s.evaluationId(), s.batchId(), s.position(), s.applicationId(), s.program(), s.lang(),
                s.withSuggestions(), s.rulesetVersion(), s.inputSha256(), Hashes.sha256(s.inputJson()),
                Hashes.sha256(s.resultJson()), s.totalScore().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                s.eligible(), s.submittedBy(), s.createdAt());
        // the outcome, kept since V3, is chained too: what another language shows is as tamper-evident as the result
        return s.outcomeJson() == null ? payload : Hashes.ofFields(payload, Hashes.sha256(s.outcomeJson()));
    }

    static String overridePayload(EvaluationStore.Override o) {
        return Hashes.ofFields(o.overrideId(), o.evaluationId(), o.reviewer(), o.targetKind(), o.target(), o.ruleId(),
                o.engineValue(), o.newValue(), Hashes.sha256(o.justification()), o.createdAt());
    }

    static Report verify(JdbcTemplate jdbc, EvaluationStore store) {
        List<Map<String, Object>> entries = jdbc.queryForList("SELECT * FROM audit_log ORDER BY seq");
        String prev = "0".repeat(64);
        long expected = 1;
        for (Map<String, Object> e : entries) {
            long seq = ((Number) e.get("seq")).longValue();
            String kind = (String) e.get("kind");
            String ref = (String) e.get("ref_id");
            Place where = new Place.Record(kind.toLowerCase(), ref, seq);
            if (seq != expected) {
                return broken(entries.size(), new Place.Entry(expected), Reason.MISSING);
            }
            if (!prev.equals(e.get("prev_hash"))) {
                return broken(entries.size(), where, Reason.UNLINKED);
            }
            String payload = (String) e.get("payload_sha256");
            if (!entryHash(seq, kind, ref, payload, prev, (String) e.get("created_at")).equals(e.get("hash"))) {
                return broken(entries.size(), where, Reason.ENTRY_ALTERED);
            }
            String actual = currentPayload(jdbc, store, kind, ref);
            if (actual == null) {
                return broken(entries.size(), where, Reason.DELETED);
            }
            if (!actual.equals(payload)) {
                return broken(entries.size(), where, Reason.ALTERED);
            }
            prev = (String) e.get("hash");
            expected++;
        }
        Map<String, Object> head = jdbc.queryForMap("SELECT seq, hash FROM chain_head WHERE id = 1");
        if (((Number) head.get("seq")).longValue() != expected - 1 || !prev.equals(head.get("hash"))) {
            return broken(entries.size(), new Place.Entry(expected), Reason.TRUNCATED);
        }
        for (String[] t : new String[][] {{"ruleset", "version", "RULESET"}, {"batch", "id", "BATCH"},
                {"evaluation", "id", "EVALUATION"}, {"override_record", "id", "OVERRIDE"}, {"account", "username", "ACCOUNT"},
                {"panel_record", "id", "PANEL"}}) {
            List<String> unchained = jdbc.queryForList("SELECT " + t[1] + " FROM " + t[0] + " WHERE " + t[1]
                    + " NOT IN (SELECT ref_id FROM audit_log WHERE kind = ?) ORDER BY " + t[1], String.class, t[2]);
            if (!unchained.isEmpty()) {
                return broken(entries.size(), new Place.Record(t[2].toLowerCase(), unchained.get(0), null), Reason.UNCHAINED);
            }
        }
        return Report.intact(entries.size());
    }

    static Report broken(long entries, Place at, Reason reason) {
        return new Report(false, entries, new Broken(at, reason, entries));
    }

    private static String currentPayload(JdbcTemplate jdbc, EvaluationStore store, String kind, String ref) {
        switch (kind) {
            case "RULESET": {
                var files = store.ruleset(ref);
                if (files.isEmpty()) {
                    return null;
                }
                // a stored ruleset must still hash to the version it is filed under
                return files.get().sha256().equals(ref) ? rulesetPayload(ref, files.get()) : "content no longer matches";
            }
            case "BATCH": {
                var rows = jdbc.queryForList("SELECT * FROM batch WHERE id = ?", ref);
                if (rows.isEmpty()) {
                    return null;
                }
                var r = rows.get(0);
                return batchPayload(ref, (String) r.get("submitted_by"), (String) r.get("submitted_at"),
                        (String) r.get("program"), (String) r.get("lang"), (String) r.get("ruleset_version"),
                        ((Number) r.get("evaluated_count")).intValue(), (String) r.get("rejected_json"), (String) r.get("name"));
            }
            case "EVALUATION":
                return store.evaluation(ref).map(AuditChain::evaluationPayload).orElse(null);
            case "ACCOUNT":
                return accountPayload(jdbc, ref);
            case "PANEL":
                return PanelStore.currentPayload(jdbc, ref);
            case "OVERRIDE": {
                var rows = jdbc.queryForList("SELECT evaluation_id FROM override_record WHERE id = ?", ref);
                if (rows.isEmpty()) {
                    return null;
                }
                return store.overrides((String) rows.get(0).get("evaluation_id")).stream()
                        .filter(o -> o.overrideId().equals(ref)).findFirst().map(AuditChain::overridePayload).orElse(null);
            }
            default:
                return "unknown kind " + kind;
        }
    }
}
