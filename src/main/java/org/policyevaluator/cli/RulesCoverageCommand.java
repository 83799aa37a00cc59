package org.policyevaluator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyevaluator.batch.BatchRun;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.tooling.Coverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "coverage", description = "Over a batch, how often each rule fired, and the rules that never did.")
class RulesCoverageCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "files", description = "Application files.")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Mixin
    RuleOptions options = new RuleOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Evaluator evaluator = options.evaluator();
        BatchResult result;
        try (BatchRun batch = BatchRun.inMemory(evaluator, options.program, false)) {
            BatchInput.read(files, new JsonIntake(evaluator.ruleBase().reader()),
                    new ExcelSupport(evaluator, spec.commandLine().getErr(), options.lang), batch::accept, batch::reject);
            result = batch.finish().render(options.lang);
        }
        Coverage.Report report = Coverage.of(evaluator.ruleBase(), result.evaluations());
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            JsonReport.write(report, out);
            return Main.OK;
        }
        String lang = options.lang;
        out.println(CliTexts.text("coverage.header", lang, report.applications(), result.rejectedCount(),
                report.rulesetVersion()));
        out.printf("  %-8s %-6s %7s %7s  %s%n", (Object[]) CliTexts.text("coverage.columns", lang).split("\\|"));
        for (Coverage.RuleCount c : report.rules()) {
            out.printf("  %-8s %-6s %7d %6.1f%%  %s%n", c.ruleId(), CliTexts.text("coverage.kind." + c.kind(), lang), c.fired(),
                    c.share() * 100, evaluator.ruleBase().title(c.ruleId(), lang));
        }
        out.println(CliTexts.text("coverage.neverFired", lang, report.neverFired().isEmpty() ? CliTexts.text("none", lang)
                : String.join("en".equals(lang) ? ", " : "、", report.neverFired())));
        return Main.OK;
    }
}
