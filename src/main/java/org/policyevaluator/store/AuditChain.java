package org.policyevaluator.store;

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

    /** The outcome of a verification: intact, or the first broken record and why. */
    public record Report(boolean intact, long entries, String firstBroken, String reason) {
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
            String where = kind.toLowerCase() + " " + ref + " (chain entry " + seq + ")";
            if (seq != expected) {
                return new Report(false, entries.size(), "chain entry " + expected, "the entry is missing");
            }
            if (!prev.equals(e.get("prev_hash"))) {
                return new Report(false, entries.size(), where, "it does not carry the hash of the entry before it");
            }
            String payload = (String) e.get("payload_sha256");
            if (!entryHash(seq, kind, ref, payload, prev, (String) e.get("created_at")).equals(e.get("hash"))) {
                return new Report(false, entries.size(), where, "the chain entry itself was altered");
            }
            String actual = currentPayload(jdbc, store, kind, ref);
            if (actual == null) {
                return new Report(false, entries.size(), where, "the record was deleted");
            }
            if (!actual.equals(payload)) {
                return new Report(false, entries.size(), where, "the record was altered after it was recorded");
            }
            prev = (String) e.get("hash");
            expected++;
        }
        Map<String, Object> head = jdbc.queryForMap("SELECT seq, hash FROM chain_head WHERE id = 1");
        if (((Number) head.get("seq")).longValue() != expected - 1 || !prev.equals(head.get("hash"))) {
            return new Report(false, entries.size(), "chain entry " + expected, "entries after it were removed");
        }
        for (String[] t : new String[][] {{"ruleset", "version", "RULESET"}, {"batch", "id", "BATCH"},
                {"evaluation", "id", "EVALUATION"}, {"override_record", "id", "OVERRIDE"}, {"account", "username", "ACCOUNT"},
                {"panel_record", "id", "PANEL"}}) {
            List<String> unchained = jdbc.queryForList("SELECT " + t[1] + " FROM " + t[0] + " WHERE " + t[1]
                    + " NOT IN (SELECT ref_id FROM audit_log WHERE kind = ?) ORDER BY " + t[1], String.class, t[2]);
            if (!unchained.isEmpty()) {
                return new Report(false, entries.size(), t[2].toLowerCase() + " " + unchained.get(0),
                        "the record is not in the audit chain: it was inserted outside the store");
            }
        }
        return new Report(true, entries.size(), null, null);
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
