package org.policyevaluator.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.policyevaluator.batch.BatchRun;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps evaluations with everything needed to replay them: the canonical input and its SHA-256, the
 * programme, language, result, time, submitter and ruleset version — and the ruleset itself, stored
 * content-addressed. A batch is written in one transaction (all of it or nothing). Every record
 * (ruleset registration, batch, evaluation, override) is appended to an audit chain in which each
 * entry carries the hash of the one before, so that any change to history is detectable.
 */
public final class EvaluationStore {

    public record StoredEvaluation(String evaluationId, String batchId, int position, String applicationId,
                                   String program, String lang, boolean withSuggestions, String rulesetVersion,
                                   String inputJson, String inputSha256, String resultJson, BigDecimal totalScore,
                                   boolean eligible, String submittedBy, String createdAt, String outcomeJson) {
    }

    public record StoredBatch(String batchId, String submittedBy, String submittedAt, String program, String lang,
                              String rulesetVersion, int evaluatedCount, String rejectedJson, List<String> evaluationIds,
                              String name) {
    }

    public record Override(String overrideId, String evaluationId, String reviewer, String targetKind, String target,
                           String ruleId, String engineValue, String newValue, String justification, String createdAt) {
    }

    /** The ids given to a saved batch and its evaluations (in the order of the batch's evaluations). */
    public record Saved(String batchId, List<String> evaluationIds) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public EvaluationStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public EvaluationStore(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /**
     * Saves a batch kept in memory ({@link BatchRun.Keep#MEMORY}): its ruleset (once per version), the batch
     * and each evaluation with its input, its outcome and its words in {@code lang}, all in one transaction.
     * Everything is worded, serialised and hashed before the transaction, and its rows are written before the
     * chain head is locked: the lock, which lines up every writer on every node, is held only while the
     * batch's entries are linked into the chain and the transaction commits.
     */
    public Saved save(RuleBase ruleBase, BatchRun.Result run, String submittedBy, String lang) {
        return save(ruleBase, run, submittedBy, lang, null, null);
    }

    /**
     * As {@link #save(RuleBase, BatchRun.Result, String, String)}, under a name (may be null), marking a submission
     * (may be null) done in the same transaction.
     */
    public Saved save(RuleBase ruleBase, BatchRun.Result run, String submittedBy, String lang, String submissionId,
                      String name) {
        BatchResult result = run.render(lang);
        registerRuleset(ruleBase.files()); // on its own: a ruleset kept when the batch is not does no harm
        String batchId = UUID.randomUUID().toString();
        String at = now();
        String rejectedJson = RejectionsJson.write(run.rejected());
        List<AuditChain.Entry> entries = new ArrayList<>(run.rows().size() + 1);
        entries.add(new AuditChain.Entry("BATCH", batchId, AuditChain.batchPayload(batchId, submittedBy, at, run.program(),
                lang, ruleBase.version(), result.evaluatedCount(), rejectedJson, name)));
        List<Object[]> rows = new ArrayList<>(run.rows().size());
        List<String> ids = new ArrayList<>(run.rows().size());
        for (int i = 0; i < run.rows().size(); i++) {
            Evaluation e = result.evaluations().get(i);
            String input = JsonReport.toJson(run.application(run.rows().get(i)).toJson());
            String outcome = JsonReport.compact(run.outcome(run.rows().get(i)));
            String id = UUID.randomUUID().toString();
            StoredEvaluation s = new StoredEvaluation(id, batchId, i, e.applicationId(), e.program(), lang, run.suggest(),
                    e.rulesetVersion(), input, Hashes.sha256(input), JsonReport.toJson(e),
                    e.totalScore().setScale(2, RoundingMode.HALF_UP), e.eligible(), submittedBy, at, outcome);
            rows.add(new Object[] {s.evaluationId(), s.batchId(), s.position(), s.applicationId(), s.program(), s.lang(),
                    s.withSuggestions(), s.rulesetVersion(), s.inputJson(), s.inputSha256(), s.resultJson(), s.totalScore(),
                    s.eligible(), s.submittedBy(), s.createdAt(), s.outcomeJson()});
            entries.add(new AuditChain.Entry("EVALUATION", id, AuditChain.evaluationPayload(s)));
            ids.add(id);
        }
        return tx.execute(status -> {
            jdbc.update("INSERT INTO batch (id, submitted_by, submitted_at, program, lang, ruleset_version, evaluated_count,"
                            + " rejected_json, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batchId, submittedBy, at, run.program(),
                    lang, ruleBase.version(), result.evaluatedCount(), rejectedJson, name);
            for (int from = 0; from < rows.size(); from += AuditChain.ROWS_PER_ROUND_TRIP) {
                jdbc.batchUpdate("INSERT INTO evaluation (id, batch_id, position, application_id, program, lang,"
                        + " with_suggestions, ruleset_version, input_json, input_sha256, result_json, total_score, eligible,"
                        + " submitted_by, created_at, outcome_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        rows.subList(from, Math.min(rows.size(), from + AuditChain.ROWS_PER_ROUND_TRIP)));
            }
            if (submissionId != null) {
                Submissions.markDone(jdbc, submissionId, batchId, at);
            }
            AuditChain.appendAll(jdbc, entries, at); // takes the chain head: held from here to the commit
            return new Saved(batchId, List.copyOf(ids));
        });
    }

    /** Stores a ruleset under its content hash unless it is there already. */
    public void registerRuleset(RuleFiles files) {
        String version = files.sha256();
        if (registered(version)) {
            return; // a ruleset once registered stays: no lock needed to see it
        }
        tx.executeWithoutResult(status -> {
            AuditChain.lock(jdbc); // then two writers registering the same version line up, and the second finds it
            if (registered(version)) {
                return;
            }
            String at = now();
            jdbc.update("INSERT INTO ruleset (version, origin, registered_at) VALUES (?, ?, ?)", version, files.origin(), at);
            for (var f : files.files().entrySet()) {
                jdbc.update("INSERT INTO ruleset_file (version, path, content) VALUES (?, ?, ?)", version, f.getKey(),
                        new String(f.getValue(), StandardCharsets.UTF_8));
            }
            AuditChain.append(jdbc, "RULESET", version, AuditChain.rulesetPayload(version, ruleset(version).orElseThrow()), at);
        });
    }

    private boolean registered(String version) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM ruleset WHERE version = ?", Integer.class, version);
        return known != null && known > 0;
    }

    /** A stored ruleset, exactly as it was registered. */
    public Optional<RuleFiles> ruleset(String version) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        jdbc.query("SELECT path, content FROM ruleset_file WHERE version = ? ORDER BY path", rs -> {
            files.put(rs.getString(1), rs.getString(2).getBytes(StandardCharsets.UTF_8));
        }, version);
        return files.isEmpty() ? Optional.empty() : Optional.of(new RuleFiles("stored ruleset " + version, files));
    }

    private static final org.springframework.jdbc.core.RowMapper<StoredEvaluation> EVALUATION = (rs, n) -> new StoredEvaluation(
            rs.getString("id"), rs.getString("batch_id"), rs.getInt("position"), rs.getString("application_id"),
            rs.getString("program"), rs.getString("lang"), rs.getBoolean("with_suggestions"),
            rs.getString("ruleset_version"), rs.getString("input_json"), rs.getString("input_sha256"),
            rs.getString("result_json"), rs.getBigDecimal("total_score"), rs.getBoolean("eligible"),
            rs.getString("submitted_by"), rs.getString("created_at"), rs.getString("outcome_json"));

    public Optional<StoredEvaluation> evaluation(String id) {
        return jdbc.query("SELECT * FROM evaluation WHERE id = ?", EVALUATION, id).stream().findFirst();
    }

    /** The evaluations of a batch, in the batch's order. */
    public List<StoredEvaluation> evaluationsOfBatch(String batchId) {
        return jdbc.query("SELECT * FROM evaluation WHERE batch_id = ? ORDER BY position", EVALUATION, batchId);
    }

    /**
     * Batches, newest first, that {@code submittedBy} submitted, chairs or is assigned in, or that hold an
     * evaluation of one of {@code programmes} (what a reviewer may open).
     */
    public List<StoredBatch> batchesFor(String submittedBy, java.util.Collection<String> programmes) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT id FROM batch WHERE submitted_by = ? OR id IN (SELECT batch_id FROM "
                + "panel_record WHERE account = ? AND kind IN ('ASSIGNMENT', 'CHAIR'))");
        args.add(submittedBy);
        args.add(submittedBy);
        if (!programmes.isEmpty()) {
            sql.append(" OR id IN (SELECT batch_id FROM evaluation WHERE program IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(programmes.size(), "?"))).append("))");
            args.addAll(programmes);
        }
        sql.append(" ORDER BY submitted_at DESC, id");
        List<StoredBatch> out = new ArrayList<>();
        jdbc.queryForList(sql.toString(), String.class, args.toArray()).forEach(id -> batch(id).ifPresent(out::add));
        return out;
    }

    public Optional<StoredBatch> batch(String id) {
        List<String> ids = jdbc.queryForList("SELECT id FROM evaluation WHERE batch_id = ? ORDER BY position", String.class, id);
        List<StoredBatch> list = jdbc.query("SELECT * FROM batch WHERE id = ?", (rs, n) -> new StoredBatch(rs.getString("id"),
                rs.getString("submitted_by"), rs.getString("submitted_at"), rs.getString("program"), rs.getString("lang"),
                rs.getString("ruleset_version"), rs.getInt("evaluated_count"), rs.getString("rejected_json"), ids,
                rs.getString("name")), id);
        return list.stream().findFirst();
    }

    /** Batches, newest first, optionally only those of one submitter. */
    public List<StoredBatch> batches(String submittedBy) {
        List<String> ids = submittedBy == null
                ? jdbc.queryForList("SELECT id FROM batch ORDER BY submitted_at DESC, id", String.class)
                : jdbc.queryForList("SELECT id FROM batch WHERE submitted_by = ? ORDER BY submitted_at DESC, id", String.class,
                        submittedBy);
        List<StoredBatch> out = new ArrayList<>();
        ids.forEach(id -> batch(id).ifPresent(out::add));
        return out;
    }

    /**
     * Records a reviewer's override beside the engine's result, which stays unchanged. The override is
     * recorded as given: who may override and what is valid is decided before (review.OverrideRules).
     *
     * @param engineValue the engine's value the override stands beside (a dimension's score, or its eligibility)
     */
    public Override recordOverride(String evaluationId, String reviewer, String targetKind, String target, String ruleId,
                                   String engineValue, String newValue, String justification) {
        if (evaluation(evaluationId).isEmpty()) {
            throw new IllegalArgumentException("no evaluation " + evaluationId);
        }
        Override o = new Override(UUID.randomUUID().toString(), evaluationId, reviewer, targetKind, target, ruleId,
                engineValue, newValue, justification, now());
        tx.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO override_record (id, evaluation_id, reviewer, target_kind, target, rule_id, engine_value,"
                            + " new_value, justification, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", o.overrideId(),
                    o.evaluationId(), o.reviewer(), o.targetKind(), o.target(), o.ruleId(), o.engineValue(), o.newValue(),
                    o.justification(), o.createdAt());
            AuditChain.append(jdbc, "OVERRIDE", o.overrideId(), AuditChain.overridePayload(o), o.createdAt()); // locks the head
        });
        return o;
    }

    public List<Override> overrides(String evaluationId) {
        return jdbc.query("SELECT * FROM override_record WHERE evaluation_id = ? ORDER BY created_at, id", (rs, n) ->
                new Override(rs.getString("id"), rs.getString("evaluation_id"), rs.getString("reviewer"),
                        rs.getString("target_kind"), rs.getString("target"), rs.getString("rule_id"),
                        rs.getString("engine_value"), rs.getString("new_value"), rs.getString("justification"),
                        rs.getString("created_at")), evaluationId);
    }

    /** Recomputes the whole audit chain; names the first broken record. */
    public AuditChain.Report verify() {
        return AuditChain.verify(jdbc, this);
    }

    /** The entries' hashes in log order. */
    private List<String> entryHashes() {
        return jdbc.queryForList("SELECT hash FROM audit_log ORDER BY seq", String.class);
    }

    /** The leaves of the Merkle tree over the log, in its order. */
    private List<byte[]> leaves() {
        return entryHashes().stream().map(MerkleLog::leaf).toList();
    }

    /** The log's size and Merkle root now, signed. */
    public Checkpoint checkpoint(CheckpointSigner signer) {
        return checkpoint(signer, leaves());
    }

    private static Checkpoint checkpoint(CheckpointSigner signer, List<byte[]> leaves) {
        String root = java.util.HexFormat.of().formatHex(MerkleLog.root(leaves));
        String time = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String text = Checkpoint.signedText(Checkpoint.ORIGIN, leaves.size(), root, time);
        return new Checkpoint(Checkpoint.ORIGIN, leaves.size(), root, time, signer.publicKey(), signer.sign(text));
    }

    /** That the evaluation's entry is in the log, against a checkpoint of the log as it is now; empty when it has none. */
    public java.util.Optional<Checkpoint.InclusionProof> inclusionProof(String evaluationId, CheckpointSigner signer) {
        List<Long> seq = jdbc.queryForList("SELECT seq FROM audit_log WHERE kind = 'EVALUATION' AND ref_id = ?", Long.class,
                evaluationId);
        if (seq.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> hashes = entryHashes();
        List<byte[]> leaves = hashes.stream().map(MerkleLog::leaf).toList();
        int index = (int) (seq.get(0) - 1);
        List<String> path = MerkleLog.inclusionProof(leaves, index).stream().map(java.util.HexFormat.of()::formatHex).toList();
        return java.util.Optional.of(new Checkpoint.InclusionProof(evaluationId, index, hashes.get(index), path,
                checkpoint(signer, leaves)));
    }

    /**
     * The chain verified, and then that the log still begins with the entries of a checkpoint an auditor saved:
     * its signature holds, the log is at least as long, and its first entries have the checkpoint's root.
     */
    public AuditChain.Report verify(Checkpoint saved) {
        AuditChain.Report chain = verify();
        if (!chain.intact()) {
            return chain;
        }
        AuditChain.Place at = new AuditChain.Place.Checkpoint(saved.treeSize(), saved.time());
        List<byte[]> leaves = leaves();
        if (!saved.signatureValid()) {
            return new AuditChain.Report(false, chain.entries(),
                    new AuditChain.Broken(at, AuditChain.Reason.CHECKPOINT_UNSIGNED, leaves.size()));
        }
        if (leaves.size() < saved.treeSize()) {
            return new AuditChain.Report(false, chain.entries(),
                    new AuditChain.Broken(at, AuditChain.Reason.CHECKPOINT_LONGER, leaves.size()));
        }
        String root = java.util.HexFormat.of().formatHex(MerkleLog.root(leaves.subList(0, (int) saved.treeSize())));
        if (!root.equals(saved.rootHash())) {
            return new AuditChain.Report(false, chain.entries(),
                    new AuditChain.Broken(at, AuditChain.Reason.CHECKPOINT_REWRITTEN, leaves.size()));
        }
        return chain;
    }

    /** Counts per table, for a quick look at the store. */
    public Map<String, Integer> counts() {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (String t : List.of("ruleset", "batch", "evaluation", "override_record", "panel_record", "account", "audit_log")) {
            m.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Integer.class));
        }
        return m;
    }
}
