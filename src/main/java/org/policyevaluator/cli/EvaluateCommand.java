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
import org.policyevaluator.store.EvaluationStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluate", description = "Evaluate applications (JSON or Excel files) and explain every point.")
class EvaluateCommand implements Callable<Integer> {
    enum Format { json, text, xlsx }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Application files: one object, a list, or {\"applications\": [...]}.")
    List<Path> files;

    @Option(names = "--format", defaultValue = "json", description = "json (default), text, or xlsx (a report workbook; needs --out).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of standard output.")
    Path out;

    @Option(names = "--no-suggestions", negatable = false,
            description = "Leave out suggestions (they cost a few more evaluations per application).")
    boolean noSuggestions;

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
            throw new Main.UsageException("--format xlsx writes a workbook: give the file with --out REPORT.xlsx");
        }
        Evaluator evaluator = options.evaluator();
        ExcelSupport excel = new ExcelSupport(evaluator, spec.commandLine().getErr());
        JsonIntake intake = new JsonIntake(evaluator.ruleBase().tables().programmes().keySet());
        BatchEvaluator batch = new BatchEvaluator(evaluator, options.program, options.lang, !noSuggestions);
        int unusableFiles = BatchInput.read(files, intake, excel, batch);
        BatchResult evaluated = batch.result();
        if (unusableFiles == files.size()) {
            evaluated.rejected().forEach(r -> r.problems().forEach(p -> spec.commandLine().getErr().println("error: " + p.message())));
            return Main.UNUSABLE;
        }
        BatchResult result = store ? store(evaluator, evaluated, batch) : evaluated;
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
        if (!result.rejected().isEmpty()) {
            spec.commandLine().getErr().println(result.rejectedCount() + " rejected, " + result.evaluatedCount()
                    + " evaluated: see \"rejected\" in the output");
            return Main.SOME_REJECTED;
        }
        return Main.OK;
    }

    private BatchResult store(Evaluator evaluator, BatchResult result, BatchEvaluator batch) {
        String who = submitter != null ? submitter : System.getProperty("user.name", "cli");
        try (var ds = StoreAccess.open()) {
            var saved = new EvaluationStore(ds).save(evaluator.ruleBase(), result, batch.applications(), who,
                    options.program, options.lang, !noSuggestions);
            spec.commandLine().getErr().println("stored as batch " + saved.batchId() + " (" + saved.evaluationIds().size()
                    + " evaluations, submitted by " + who + ")");
            return result.stored(saved.batchId(), saved.evaluationIds());
        }
    }
}
