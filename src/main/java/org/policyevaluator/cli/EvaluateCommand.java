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
        BatchResult result = batch.result();
        if (unusableFiles == files.size()) {
            result.rejected().forEach(r -> r.problems().forEach(p -> spec.commandLine().getErr().println("error: " + p.message())));
            return Main.UNUSABLE;
        }
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
}
