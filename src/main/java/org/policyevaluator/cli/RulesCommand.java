package org.policyevaluator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.report.CatalogueReport;
import org.policyevaluator.report.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rules", description = "Print the rule catalogue: every rule with id, dimension, maximum points, titles and clauses.",
        subcommands = {RulesCheckCommand.class, RulesCoverageCommand.class})
class RulesCommand implements Callable<Integer> {
    enum Format { md, json }

    @Option(names = "--format", defaultValue = "md", description = "md (default) or json.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Mixin
    RuleOptions options = new RuleOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Evaluator evaluator = options.evaluator();
        String program = options.program != null ? options.program : evaluator.defaultProgramme();
        var catalogue = CatalogueReport.build(evaluator, program);
        Output.to(out, spec.commandLine().getOut(), w -> {
            if (format == Format.json) {
                JsonReport.write(catalogue, w);
            } else {
                CatalogueReport.markdown(catalogue, w);
            }
        });
        return Main.OK;
    }
}
