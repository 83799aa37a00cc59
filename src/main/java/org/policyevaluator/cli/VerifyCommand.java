package org.policyevaluator.cli;

import java.util.concurrent.Callable;
import org.policyevaluator.store.AuditChain;
import org.policyevaluator.store.AuditWords;
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

    /** How many records of each kind: in Chinese by the names the audit page gives them ("规则集 1，批次 2"). */
    private static String counts(java.util.Map<String, Integer> counts, String lang) {
        if ("en".equals(lang)) {
            return counts.toString();
        }
        return String.join("，", counts.entrySet().stream()
                .map(c -> CliTexts.webText("audit.counts." + c.getKey(), lang) + " " + c.getValue()).toList());
    }

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
                    throw new Main.UsageException("usage.checkpoint", checkpoint);
                }
                r = store.verify(saved);
            } else {
                r = store.verify();
            }
            String lang = language.lang;
            var out = spec.commandLine().getOut();
            out.println(CliTexts.text("verify.store", lang, counts(store.counts(), lang)));
            if (r.intact()) {
                out.println(CliTexts.text(checkpoint == null ? "verify.intact" : "verify.intact.checkpoint", lang, r.entries(),
                        checkpoint));
                return Main.OK;
            }
            AuditWords.Texts words = (key, args) -> CliTexts.webText(key, lang, args);
            out.println(CliTexts.text("verify.broken", lang, AuditWords.where(r.broken(), words),
                    AuditWords.because(r.broken(), words)));
            return Main.CHECK_FAILED;
        }
    }
}
