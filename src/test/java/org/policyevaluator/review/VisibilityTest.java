package org.policyevaluator.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyevaluator.account.Account;
import org.policyevaluator.account.Role;
import org.policyevaluator.store.EvaluationStore.StoredBatch;
import org.policyevaluator.store.EvaluationStore.StoredEvaluation;

class VisibilityTest {
    static final PanelState NO_PANEL = new PanelState(List.of());
    static final Account OWNER = account("ana", Role.APPLICANT);
    static final Account OTHER = account("bo", Role.APPLICANT);
    static final Account GENERAL = account("li", Role.REVIEWER, "general");
    static final Account COMPUTE = account("wu", Role.REVIEWER, "compute");
    static final Account AUDITOR = account("au", Role.AUDITOR);
    static final Account ADMIN = account("ad", Role.ADMIN);

    static final StoredEvaluation GENERAL_ONE = evaluation("e-1", "general");
    static final StoredEvaluation COMPUTE_ONE = evaluation("e-2", "compute");
    static final StoredBatch BATCH = new StoredBatch("b-1", "ana", "2026-01-01T00:00:00Z", null, "zh", "sha256:x", 2, "[]",
            List.of("e-1", "e-2"), null);

    static Account account(String name, Role role, String... programs) {
        return new Account(name, role, List.of(programs), null, "2026-01-01T00:00:00Z", "test");
    }

    static StoredEvaluation evaluation(String id, String program) {
        return new StoredEvaluation(id, "b-1", 0, "A-" + id, program, "zh", false, "sha256:x", "{}", "h", "{}",
                BigDecimal.TEN, true, "ana", "2026-01-01T00:00:00Z", null);
    }

    @Test
    void maySeeShouldAllowTheSubmitterTheProgrammesReviewersAuditorsAndAdmins() {
        assertThat(Visibility.maySee(OWNER, GENERAL_ONE)).isTrue();
        assertThat(Visibility.maySee(OTHER, GENERAL_ONE)).isFalse();
        assertThat(Visibility.maySee(GENERAL, GENERAL_ONE)).isTrue();
        assertThat(Visibility.maySee(COMPUTE, GENERAL_ONE)).isFalse();
        assertThat(Visibility.maySee(AUDITOR, GENERAL_ONE)).isTrue();
        assertThat(Visibility.maySee(ADMIN, GENERAL_ONE)).isTrue();
    }

    @Test
    void batchWhenViewerSubmittedItOrSeesEverythingShouldBeComplete() {
        for (Account a : List.of(OWNER, AUDITOR, ADMIN)) {
            assertThat(Visibility.batch(a, BATCH, List.of(GENERAL_ONE, COMPUTE_ONE), NO_PANEL))
                    .contains(new Visibility.Visible(true, List.of(GENERAL_ONE, COMPUTE_ONE)));
        }
    }

    @Test
    void batchWhenReviewerShouldHoldOnlyItsProgrammesEvaluationsAndNotBeComplete() {
        assertThat(Visibility.batch(GENERAL, BATCH, List.of(GENERAL_ONE, COMPUTE_ONE), NO_PANEL))
                .contains(new Visibility.Visible(false, List.of(GENERAL_ONE)));
        assertThat(Visibility.batch(COMPUTE, BATCH, List.of(GENERAL_ONE, COMPUTE_ONE), NO_PANEL))
                .contains(new Visibility.Visible(false, List.of(COMPUTE_ONE)));
    }

    @Test
    void batchWhenNothingOfItIsVisibleShouldBeEmptyAsIfItDidNotExist() {
        assertThat(Visibility.batch(OTHER, BATCH, List.of(GENERAL_ONE, COMPUTE_ONE), NO_PANEL)).isEmpty();
        assertThat(Visibility.batch(account("zh", Role.REVIEWER, "manufacturing"), BATCH, List.of(GENERAL_ONE), NO_PANEL)).isEmpty();
    }
}
