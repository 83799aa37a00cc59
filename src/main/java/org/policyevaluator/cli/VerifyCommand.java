package org.policyevaluator.cli;

import java.util.concurrent.Callable;
import org.policyevaluator.store.AuditChain;
import org.policyevaluator.store.EvaluationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", description = "Recompute the audit chain of the evaluation store (./data, or PostgreSQL with the "
        + "postgres profile) and name the first broken record. Exit 0 when intact, 4 when broken.")
class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var ds = StoreAccess.open()) {
            EvaluationStore store = new EvaluationStore(ds);
            AuditChain.Report r = store.verify();
            var out = spec.commandLine().getOut();
            out.println("store: " + store.counts());
            if (r.intact()) {
                out.println("audit chain intact: " + r.entries() + " entries verified");
                return Main.OK;
            }
            out.println("audit chain BROKEN at " + r.firstBroken() + ": " + r.reason());
            return Main.CHECK_FAILED;
        }
    }
}
