package org.policyevaluator.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyevaluator.TestSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/** A panel's acts are records in the audit chain: changed, deleted or slipped in behind the store, they are caught. */
class PanelStoreTest {
    @TempDir
    static Path tmp;

    static Stream<String> databases() {
        return Stream.of("H2", "PostgreSQL");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void panelRecordsWhenChangedDeletedOrInsertedBehindTheStoreShouldBreakTheChain(String kind) {
        try (TestDatabases.Database db = TestDatabases.fresh(kind, tmp); HikariDataSource ds = db.open()) {
            EvaluationStore store = new EvaluationStore(ds);
            EvaluationStore.Saved saved = EvaluationStoreTest.submit(store, TestSupport.RULES, "ana",
                    "green-textile-factory.json");
            String evaluation = saved.evaluationIds().get(0);
            PanelStore panels = new PanelStore(ds);
            panels.saveDraft(evaluation, "li", "{\"dimensions\": {}}"); // drafts are not in the chain
            List<PanelStore.Record> made = panels.record(List.of(
                    PanelStore.of(PanelStore.Kind.ASSIGNMENT, saved.batchId(), evaluation, "li", "{}", "admin"),
                    PanelStore.of(PanelStore.Kind.REVIEW, saved.batchId(), evaluation, "li",
                            "{\"dimensions\": {\"keyTechnology\": 18}, \"recommendation\": \"FUND\"}", "li")), () -> { });
            assertThat(panels.draft(evaluation, "li")).isEmpty(); // the submitted review replaces the draft
            assertThat(panels.ofBatch(saved.batchId())).extracting(PanelStore.Record::kind)
                    .containsExactly(PanelStore.Kind.ASSIGNMENT, PanelStore.Kind.REVIEW);
            assertThat(store.verify().intact()).isTrue();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            String review = made.get(1).id();

            jdbc.update("UPDATE panel_record SET body_json = REPLACE(body_json, '18', '28') WHERE id = ?", review);
            AuditChain.Report changed = store.verify();
            assertThat(changed.intact()).isFalse();
            assertThat(changed.firstBroken()).startsWith("panel " + review);
            assertThat(changed.reason()).isEqualTo("the record was altered after it was recorded");
            jdbc.update("UPDATE panel_record SET body_json = REPLACE(body_json, '28', '18') WHERE id = ?", review);
            assertThat(store.verify().intact()).isTrue();

            jdbc.update("INSERT INTO panel_record (id, kind, batch_id, evaluation_id, account, body_json, created_at, "
                    + "created_by) VALUES ('slipped-in', 'CONSENSUS', ?, ?, 'li', '{}', '2026-12-01T00:00:00Z', 'li')",
                    saved.batchId(), evaluation);
            AuditChain.Report inserted = store.verify();
            assertThat(inserted.firstBroken()).isEqualTo("panel slipped-in");
            assertThat(inserted.reason()).isEqualTo("the record is not in the audit chain: it was inserted outside the store");
            jdbc.update("DELETE FROM panel_record WHERE id = 'slipped-in'");

            jdbc.update("DELETE FROM panel_record WHERE id = ?", review);
            assertThat(store.verify().reason()).isEqualTo("the record was deleted");
        }
    }
}
