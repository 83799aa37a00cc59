package org.policyevaluator.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.policyevaluator.account.Account;
import org.policyevaluator.account.Role;
import org.policyevaluator.store.EvaluationStore.StoredBatch;
import org.policyevaluator.store.EvaluationStore.StoredEvaluation;

/**
 * Who may see which stored evaluation and batch; the rules live here and only here. The submitter sees
 * what it submitted; a reviewer also sees the evaluations of the programmes assigned to it; auditors and
 * admins see everything. A batch is seen whole by its submitter and by those who see everything; a
 * reviewer sees only its programmes' part of someone else's batch.
 */
public final class Visibility {

    /** The part of a stored batch a viewer may open: all of it ({@code complete}) or its visible evaluations. */
    public record Visible(boolean complete, List<StoredEvaluation> evaluations) {
        public Visible {
            evaluations = List.copyOf(evaluations);
        }
    }

    private Visibility() {
    }

    /** Whether the viewer may read a stored evaluation of {@code program} submitted by {@code submittedBy}. */
    public static boolean maySee(Account viewer, String program, String submittedBy) {
        return viewer.seesEverything() || viewer.username().equals(submittedBy) || viewer.reviews(program);
    }

    public static boolean maySee(Account viewer, StoredEvaluation e) {
        return maySee(viewer, e.program(), e.submittedBy());
    }

    /**
     * As {@link #maySee(Account, StoredEvaluation)}, in a batch with a panel: once reviewers are assigned in it, a
     * reviewer sees there only what they are assigned (a chair of the batch sees all of it).
     */
    public static boolean maySee(Account viewer, StoredEvaluation e, PanelState panel) {
        if (viewer.role() == Role.REVIEWER && !viewer.username().equals(e.submittedBy())) {
            if (panel.chairs(viewer.username()) || panel.assigned(e.evaluationId(), viewer.username())) {
                return true;
            }
            if (panel.governs()) {
                return false;
            }
        }
        return maySee(viewer, e);
    }

    /** Whether the viewer sees the whole batch, its rejected applications included. */
    public static boolean seesWhole(Account viewer, StoredBatch batch) {
        return viewer.seesEverything() || viewer.username().equals(batch.submittedBy());
    }

    /**
     * What of a batch (its evaluations in the batch's order) the viewer may open; empty when nothing, so that
     * such a batch is answered as one that does not exist.
     */
    public static Optional<Visible> batch(Account viewer, StoredBatch batch, List<StoredEvaluation> evaluations,
                                         PanelState panel) {
        if (seesWhole(viewer, batch)) {
            return Optional.of(new Visible(true, evaluations));
        }
        List<StoredEvaluation> visible = new ArrayList<>();
        for (StoredEvaluation e : evaluations) {
            if (maySee(viewer, e, panel)) {
                visible.add(e);
            }
        }
        return visible.isEmpty() ? Optional.empty() : Optional.of(new Visible(false, visible));
    }
}
