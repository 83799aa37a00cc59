package org.policyevaluator.cli;

import java.util.concurrent.Callable;
import org.policyevaluator.store.AuditChain;
import org.policyevaluator.store.EvaluationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", description = "Recompute the audit chain of the evaluation store (./data, or PostgreSQL with the "
        + "postgres profile) and name the first broken record; with --checkpoint, also prove that the log still begins "
        + "with the entries of a checkpoint saved earlier. Exit 0 when intact, 4 when broken.")
class VerifyCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    LangOption language = new LangOption();

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--checkpoint", paramLabel = "FILE",
            description = "A checkpoint saved from GET /api/audit/checkpoint (JSON): its signature must hold and the "
                    + "log's first entries must still have its root.")
    java.nio.file.Path checkpoint;

    @Override
    public Integer call() {
        try (var ds = StoreAccess.open()) {
            EvaluationStore store = new EvaluationStore(ds);
            AuditChain.Report r;
            if (checkpoint != null) {
                org.policyevaluator.store.Checkpoint saved;
                try {
                    saved = org.policyevaluator.intake.JsonIntake.mapper().readValue(checkpoint.toFile(),
                            org.policyevaluator.store.Checkpoint.class);
                } catch (RuntimeException e) {
                    spec.commandLine().getErr().println("error: " + checkpoint + " is not a checkpoint: " + e.getMessage());
                    return Main.UNUSABLE;
                }
                r = store.verify(saved);
            } else {
                r = store.verify();
            }
            var out = spec.commandLine().getOut();
            out.println("store: " + store.counts());
            if (r.intact()) {
                out.println("audit chain intact: " + r.entries() + " entries verified"
                        + (checkpoint == null ? "" : "; the log extends the checkpoint " + checkpoint));
                return Main.OK;
            }
            out.println("audit chain BROKEN at " + r.firstBroken() + ": " + r.reason());
            return Main.CHECK_FAILED;
        }
    }
}
