package org.policyevaluator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.report.DocxReport;
import org.policyevaluator.report.TextReport;
import org.policyevaluator.batch.BatchOutput;
import org.policyevaluator.batch.BatchRun;
import org.policyevaluator.store.EvaluationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluate", description = "Evaluate applications (JSON or Excel files) and explain every point.")
class EvaluateCommand implements Callable<Integer> {
    enum Format { json, jsonl, text, xlsx, docx }

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "files", description = "Application files: one object, a list, or {\"applications\": [...]}.")
    List<Path> files;

    @Option(names = "--format", defaultValue = "json", description = "json (default), jsonl (one evaluation per line), text, xlsx (a report workbook; needs --out), "
            + "or docx (a Word report per application, named by its id, in the folder --out DIR).")
    Format format;

    @Option(names = "--name", paramLabel = "NAME", description = "With --store: a name for the stored batch.")
    String batchName;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of standard output.")
    Path out;

    @Option(names = "--suggestions", negatable = true, paramLabel = "",
            description = "Add verified suggestions (each costs about ten more evaluations). Default: on for a single "
                    + "application, off for a batch.")
    Boolean suggestions;

    @Option(names = "--threads", paramLabel = "T", description = "Evaluate on T threads (default: every core).")
    Integer threads;

    @Option(names = "--store", negatable = false,
            description = "Keep the batch in the evaluation store (./data, or PostgreSQL with the postgres profile).")
    boolean store;

    @Option(names = "--as", paramLabel = "NAME", description = "Who submits, when stored (default: the system user).")
    String submitter;

    @Mixin
    RuleOptions options = new RuleOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (format == Format.xlsx && out == null) {
            throw new Main.UsageException("usage.xlsxNeedsOut");
        }
        if (format == Format.docx && out == null) {
            throw new Main.UsageException("usage.docxNeedsOut");
        }
        if (threads != null && threads < 1) {
            throw new Main.UsageException("usage.threads", threads);
        }
        if (store && format == Format.jsonl) {
            throw new Main.UsageException("usage.storeFormat");
        }
        boolean suggest = suggestions != null ? suggestions : BatchInput.count(files) == 1;
        Evaluator evaluator = options.evaluator();
        String lang = options.lang;
        ExcelSupport excel = new ExcelSupport(evaluator, spec.commandLine().getErr(), lang);
        JsonIntake intake = new JsonIntake(evaluator.ruleBase().reader());
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        // a batch to store is saved in one transaction, so it is kept in memory; any other is spooled to disk
        BatchRun.Keep keep = store ? BatchRun.Keep.MEMORY : BatchRun.Keep.DISK;
        try (Progress progress = Progress.start("evaluate", BatchInput.count(files));
             BatchRun batch = new BatchRun(evaluator, options.program, suggest, workers, keep, progress.consumer())) {
            int unusableFiles = BatchInput.read(files, intake, excel, batch::accept, batch::reject);
            BatchRun.Result result = batch.finish();
            progress.close();
            if (unusableFiles == files.size()) {
                var texts = evaluator.ruleBase().problemTexts();
                result.rejected().forEach(r -> r.problems().forEach(p -> spec.commandLine().getErr()
                        .println(("en".equals(lang) ? "error: " : "错误：") + texts.line(p, lang))));
                return Main.UNUSABLE;
            }
            BatchResult stored = store ? store(evaluator, result) : null;
            switch (format) {
                case xlsx -> excel.writeReport(result, options.program, out);
                case docx -> documents(evaluator, result, lang);
                case jsonl -> Output.to(out, spec.commandLine().getOut(), w -> BatchOutput.jsonLines(result, lang, w));
                case text -> Output.to(out, spec.commandLine().getOut(), w -> textReport(evaluator, lang).write(
                        result.rulesetVersion(), result.rankedRows(lang), result.evaluations(result.rows(), lang, true),
                        result.rejectedInWords(lang), w));
                default -> Output.to(out, spec.commandLine().getOut(), w -> {
                    if (stored != null) {
                        JsonReport.write(stored, w);
                    } else {
                        BatchOutput.json(result, lang, w);
                    }
                });
            }
            return finish(result.rejected().size(), result.rows().size());
        }
    }

    /** One Word document per evaluated application, {@code <applicationId>.docx} in the folder {@code --out}. */
    private void documents(Evaluator evaluator, BatchRun.Result result, String lang) {
        try {
            java.nio.file.Files.createDirectories(out);
            DocxReport report = new DocxReport(lang);
            int n = 0;
            for (Evaluation e : result.evaluations(result.rows(), lang, true)) {
                String name = e.applicationId().replaceAll("[^A-Za-z0-9._-]", "_") + ".docx";
                java.nio.file.Files.write(out.resolve(name), report.write(e,
                        evaluator.ruleBase().tables().programme(e.program()).name(lang), null));
                n++;
            }
            spec.commandLine().getErr().println(CliTexts.text("evaluate.docxWritten", lang, n, out));
        } catch (java.io.IOException ex) {
            throw Output.cannotWrite(out, ex);
        }
    }

    private int finish(int rejected, int evaluated) {
        if (rejected > 0) {
            // where the output lists them: the text report in a section of its own, JSON under "rejected"
            boolean text = format == Format.text;
            spec.commandLine().getErr().println(CliTexts.text(text ? "evaluate.rejected.text" : "evaluate.rejected.json",
                    options.lang, rejected, evaluated));
            return Main.SOME_REJECTED;
        }
        return Main.OK;
    }

    /** Keeps the batch in the store, in one transaction; the stored batch in words, with its ids. */
    private BatchResult store(Evaluator evaluator, BatchRun.Result result) {
        String who = submitter != null ? submitter : System.getProperty("user.name", "cli");
        try (var ds = StoreAccess.open()) {
            var saved = new EvaluationStore(ds).save(evaluator.ruleBase(), result, who, options.lang, null, batchName);
            spec.commandLine().getErr().println(CliTexts.text("evaluate.stored", options.lang, saved.batchId(),
                    saved.evaluationIds().size(), who));
            return result.render(options.lang).stored(saved.batchId(), saved.evaluationIds());
        }
    }

    /** The text report, naming programmes and flag severities as the ruleset words them (a code it does not know as it is). */
    private static TextReport textReport(Evaluator evaluator, String lang) {
        var rules = evaluator.ruleBase();
        return new TextReport(lang, id -> rules.tables().programmeName(id, lang), severity -> {
            String name = severity == null ? null : rules.messages().find(lang, "severity." + severity);
            return name != null ? name : severity;
        });
    }
}
