package org.policyevaluator.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyevaluator.TestSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a database writer can do to the hash chain unnoticed by a plain verify — drop the last entries and
 * move the head back, or change a score and recompute every later hash — is caught against a checkpoint
 * an auditor saved before, signed by a key outside the database.
 */
class AuditCheckpointTest {
    @TempDir
    static Path tmp;

    static Stream<String> databases() {
        return Stream.of("H2", "PostgreSQL");
    }

    @Test
    void inclusionProofsShouldVerifyForEveryLeafOfEveryTreeSizeAndFailForAnotherRoot() {
        for (int n = 1; n <= 33; n++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                leaves.add(MerkleLog.leaf(Hashes.sha256("entry " + i)));
            }
            byte[] root = MerkleLog.root(leaves);
            for (int i = 0; i < n; i++) {
                List<byte[]> path = MerkleLog.inclusionProof(leaves, i);
                assertThat(MerkleLog.verifyInclusion(leaves.get(i), i, n, path, root)).as("leaf %d of %d", i, n).isTrue();
                assertThat(MerkleLog.verifyInclusion(leaves.get(i), i, n, path, MerkleLog.leaf(Hashes.sha256("x")))).isFalse();
                if (n > 1) {
                    assertThat(MerkleLog.verifyInclusion(leaves.get((i + 1) % n), i, n, path, root)).isFalse();
                }
            }
        }
    }

    @Test
    void checkpointShouldBeRefusedWhenItsTextOrKeyIsNotTheSigners() {
        CheckpointSigner signer = CheckpointSigner.open(tmp.resolve("keys/a.key"));
        assertThat(CheckpointSigner.open(tmp.resolve("keys/a.key")).publicKey()).isEqualTo(signer.publicKey());
        String text = Checkpoint.signedText(Checkpoint.ORIGIN, 3, "ab".repeat(32), "2026-12-01T00:00:00Z");
        Checkpoint good = new Checkpoint(Checkpoint.ORIGIN, 3, "ab".repeat(32), "2026-12-01T00:00:00Z", signer.publicKey(),
                signer.sign(text));
        assertThat(good.signatureValid()).isTrue();
        assertThat(new Checkpoint(Checkpoint.ORIGIN, 4, good.rootHash(), good.time(), good.publicKey(), good.signature())
                .signatureValid()).isFalse();
        CheckpointSigner other = CheckpointSigner.open(tmp.resolve("keys/b.key"));
        assertThat(new Checkpoint(Checkpoint.ORIGIN, 3, good.rootHash(), good.time(), other.publicKey(), good.signature())
                .signatureValid()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void upgradeWhenAccountsPredateTheLogShouldRecordThemOnceSoThatARaisedRoleIsCaught(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp)) {
            try (HikariDataSource ds = new HikariDataSource()) {
                ds.setJdbcUrl(db.url());
                ds.setUsername(db.user());
                org.flywaydb.core.Flyway.configure().dataSource(ds).target("5").load().migrate();
                new JdbcTemplate(ds).update("INSERT INTO account (username, password_hash, role, created_at, created_by) "
                        + "VALUES ('old-ana', '{bcrypt}x', 'APPLICANT', '2026-01-01T00:00:00Z', 'admin')");
            }
            try (HikariDataSource ds = db.open()) { // migrates to the latest version
                EvaluationStore store = new EvaluationStore(ds);
                assertThat(store.verify().intact()).isTrue();
                assertThat(store.verify().entries()).isEqualTo(1);
                new JdbcTemplate(ds).update("UPDATE account SET role = 'ADMIN' WHERE username = 'old-ana'");
                var caught = store.verify();
                assertThat(caught.intact()).isFalse();
                assertThat(caught.firstBroken()).isEqualTo("account old-ana (chain entry 1)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void verifyWhenAnAccountsOrganisationIsChangedInTheDatabaseShouldNameTheAccount(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp); HikariDataSource ds = db.open()) {
            var accounts = new org.policyevaluator.account.Accounts(ds,
                    org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder());
            accounts.create("rev-li", "a-long-password-9", "REVIEWER", List.of("general"),
                    new org.policyevaluator.account.Organisation("绍兴绿纺科技有限公司", "91330681MA2BW3L7XA"), "admin",
                    java.util.Set.of("general"));
            EvaluationStore store = new EvaluationStore(ds);
            assertThat(store.verify().intact()).isTrue();
            // moving the reviewer to another organisation would let them judge this applicant
            new JdbcTemplate(ds).update("UPDATE account SET organisation_credit_code = '91110000MA00000000' "
                    + "WHERE username = 'rev-li'");
            var caught = store.verify();
            assertThat(caught.intact()).isFalse();
            assertThat(caught.firstBroken()).isEqualTo("account rev-li (chain entry 1)");
            assertThat(caught.reason()).isEqualTo("the record was altered after it was recorded");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void verifyAgainstACheckpointShouldCatchATruncatedLogThatAPlainVerifyPasses(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp); HikariDataSource ds = db.open()) {
            EvaluationStore store = new EvaluationStore(ds);
            CheckpointSigner signer = CheckpointSigner.open(tmp.resolve(kind + "-trunc.key"));
            EvaluationStoreTest.submit(store, TestSupport.RULES, "alice", "green-textile-factory.json");
            var last = EvaluationStoreTest.submit(store, TestSupport.RULES, "bob", "ai-chip-little-giant.json");
            Checkpoint saved = store.checkpoint(signer);
            assertThat(saved.treeSize()).isEqualTo(5); // ruleset, then a batch and an evaluation twice
            assertThat(store.verify(saved).intact()).isTrue();

            // the last submission deleted and the head moved back, as a database writer could
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            jdbc.update("DELETE FROM evaluation WHERE batch_id = ?", last.batchId());
            jdbc.update("DELETE FROM batch WHERE id = ?", last.batchId());
            jdbc.update("DELETE FROM audit_log WHERE seq > 3");
            jdbc.update("UPDATE chain_head SET seq = 3, hash = (SELECT hash FROM audit_log WHERE seq = 3) WHERE id = 1");
            assertThat(store.verify().intact()).as("a plain verify cannot see it").isTrue();
            var caught = store.verify(saved);
            assertThat(caught.intact()).isFalse();
            assertThat(caught.reason()).isEqualTo("the log has 3 entries, fewer than the checkpoint: entries were removed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void verifyAgainstACheckpointShouldCatchAScoreChangedWithEveryLaterHashRecomputed(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp); HikariDataSource ds = db.open()) {
            EvaluationStore store = new EvaluationStore(ds);
            CheckpointSigner signer = CheckpointSigner.open(tmp.resolve(kind + "-rewrite.key"));
            var first = EvaluationStoreTest.submit(store, TestSupport.RULES, "alice", "green-textile-factory.json");
            EvaluationStoreTest.submit(store, TestSupport.RULES, "bob", "ai-chip-little-giant.json");
            Checkpoint saved = store.checkpoint(signer);
            var proof = store.inclusionProof(first.evaluationIds().get(0), signer).orElseThrow();
            assertThat(MerkleLog.verifyInclusion(MerkleLog.leaf(proof.entryHash()), (int) proof.leafIndex(),
                    (int) proof.checkpoint().treeSize(), proof.auditPath().stream().map(HexFormat.of()::parseHex).toList(),
                    HexFormat.of().parseHex(proof.checkpoint().rootHash()))).isTrue();
            assertThat(proof.checkpoint().signatureValid()).isTrue();

            // the first evaluation's score raised, and its payload and every later entry's hash recomputed
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            String id = first.evaluationIds().get(0);
            jdbc.update("UPDATE evaluation SET total_score = 99 WHERE id = ?", id);
            String payload = AuditChain.evaluationPayload(store.evaluation(id).orElseThrow());
            jdbc.update("UPDATE audit_log SET payload_sha256 = ? WHERE kind = 'EVALUATION' AND ref_id = ?", payload, id);
            String prev = "0".repeat(64);
            for (Map<String, Object> e : jdbc.queryForList("SELECT * FROM audit_log ORDER BY seq")) {
                long seq = ((Number) e.get("seq")).longValue();
                String hash = AuditChain.entryHash(seq, (String) e.get("kind"), (String) e.get("ref_id"),
                        (String) e.get("payload_sha256"), prev, (String) e.get("created_at"));
                jdbc.update("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", prev, hash, seq);
                prev = hash;
            }
            jdbc.update("UPDATE chain_head SET hash = ? WHERE id = 1", prev);
            assertThat(store.verify().intact()).as("a plain verify cannot see it").isTrue();
            var caught = store.verify(saved);
            assertThat(caught.intact()).isFalse();
            assertThat(caught.reason()).isEqualTo("the first 5 entries no longer have the checkpoint's root: the log was rewritten");
        }
    }
}
