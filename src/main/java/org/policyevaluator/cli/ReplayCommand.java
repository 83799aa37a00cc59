package org.policyevaluator.cli;

import java.util.concurrent.Callable;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.store.EvaluationStore;
import org.policyevaluator.store.Replayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "replay", description = "Re-evaluate a stored evaluation's input with the ruleset stored with it and "
        + "compare: {\"identical\": true} or the differences. Exit 0 when identical, 4 when not.")
class ReplayCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    LangOption language = new LangOption();

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "evaluationId", description = "The evaluationId.")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var ds = StoreAccess.open()) {
            EvaluationStore store = new EvaluationStore(ds);
            if (store.evaluation(id).isEmpty()) {
                throw new Main.UsageException("usage.replay.noEvaluation", id);
            }
            Replayer.Result r = new Replayer(store).replay(id);
            JsonReport.write(r, spec.commandLine().getOut());
            return r.identical() ? Main.OK : Main.CHECK_FAILED;
        }
    }
}
