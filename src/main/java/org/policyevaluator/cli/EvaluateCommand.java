package org.policyevaluator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyevaluator.evaluation.BatchEvaluator;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.report.TextReport;
import org.policyevaluator.batch.BatchOutput;
import org.policyevaluator.batch.StreamingBatch;
import org.policyevaluator.store.EvaluationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluate", description = "Evaluate applications (JSON or Excel files) and explain every point.")
class EvaluateCommand implements Callable<Integer> {
    enum Format { json, jsonl, text, xlsx }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Application files: one object, a list, or {\"applications\": [...]}.")
    List<Path> files;

    @Option(names = "--format", defaultValue = "json", description = "json (default), jsonl (one evaluation per line), text, or xlsx (a report workbook; needs --out).")
    Format format;

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

    private boolean suggest;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (format == Format.xlsx && out == null) {
            throw new Main.UsageException("--format xlsx writes a workbook: give the file with --out REPORT.xlsx");
        }
        if (threads != null && threads < 1) {
            throw new Main.UsageException("--threads: expected 1 or more, found " + threads);
        }
        suggest = suggestions != null ? suggestions : BatchInput.count(files) == 1;
        Evaluator evaluator = options.evaluator();
        ExcelSupport excel = new ExcelSupport(evaluator, spec.commandLine().getErr());
        JsonIntake intake = new JsonIntake(evaluator.ruleBase().tables().programmes().keySet());
        return store ? evaluateAndStore(evaluator, intake, excel) : evaluateStreaming(evaluator, intake, excel);
    }

    /**
     * Any size in bounded memory: evaluated in parallel as the files are read, spooled to disk, ranked
     * from the scores, written out one evaluation at a time.
     */
    private int evaluateStreaming(Evaluator evaluator, JsonIntake intake, ExcelSupport excel) {
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try (Progress progress = Progress.start("evaluate", BatchInput.count(files));
             StreamingBatch batch = new StreamingBatch(evaluator, options.program, options.lang, suggest, workers,
                     progress.consumer())) {
            if (format == Format.xlsx) {
                batch.forWorkbook();
            }
            int unusableFiles = BatchInput.read(files, intake, excel, batch::accept, batch::reject);
            StreamingBatch.Result result = batch.finish();
            progress.close();
            if (unusableFiles == files.size()) {
                result.rejected().forEach(r -> r.problems().forEach(p -> spec.commandLine().getErr().println("error: " + p.message())));
                return Main.UNUSABLE;
            }
            switch (format) {
                case xlsx -> excel.writeReport(result, options.program, options.lang, out);
                case jsonl -> Output.to(out, spec.commandLine().getOut(), w -> BatchOutput.jsonLines(result, w));
                case text -> Output.to(out, spec.commandLine().getOut(), w -> new TextReport(options.lang).write(
                        result.rulesetVersion(), BatchOutput.rankedRows(result), result.evaluations(result.rows()),
                        result.rejected(), w));
                default -> Output.to(out, spec.commandLine().getOut(), w -> BatchOutput.json(result, w));
            }
            return finish(result.rejected().size(), result.rows().size());
        }
    }

    /** Kept in the store: the whole batch is saved in one transaction, so it is held in memory. */
    private int evaluateAndStore(Evaluator evaluator, JsonIntake intake, ExcelSupport excel) {
        if (format == Format.jsonl) {
            throw new Main.UsageException("--store: use --format json, text or xlsx");
        }
        BatchEvaluator batch = new BatchEvaluator(evaluator, options.program, options.lang, suggest);
        int unusableFiles = BatchInput.read(files, intake, excel, batch);
        BatchResult evaluated = batch.result();
        if (unusableFiles == files.size()) {
            evaluated.rejected().forEach(r -> r.problems().forEach(p -> spec.commandLine().getErr().println("error: " + p.message())));
            return Main.UNUSABLE;
        }
        BatchResult result = store(evaluator, evaluated, batch);
        if (format == Format.xlsx) {
            excel.writeReport(result, options.program, options.lang, out);
        } else {
            Output.to(out, spec.commandLine().getOut(), w -> {
                if (format == Format.text) {
                    new TextReport(options.lang).write(result, w);
                } else {
                    JsonReport.write(result, w);
                }
            });
        }
        return finish(result.rejectedCount(), result.evaluatedCount());
    }

    private int finish(int rejected, int evaluated) {
        if (rejected > 0) {
            spec.commandLine().getErr().println(rejected + " rejected, " + evaluated
                    + " evaluated: see \"rejected\" in the output");
            return Main.SOME_REJECTED;
        }
        return Main.OK;
    }

    private BatchResult store(Evaluator evaluator, BatchResult result, BatchEvaluator batch) {
        String who = submitter != null ? submitter : System.getProperty("user.name", "cli");
        try (var ds = StoreAccess.open()) {
            var saved = new EvaluationStore(ds).save(evaluator.ruleBase(), result, batch.applications(), who,
                    options.program, options.lang, suggest);
            spec.commandLine().getErr().println("stored as batch " + saved.batchId() + " (" + saved.evaluationIds().size()
                    + " evaluations, submitted by " + who + ")");
            return result.stored(saved.batchId(), saved.evaluationIds());
        }
    }
}
