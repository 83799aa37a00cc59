package org.policyevaluator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.tooling.FieldReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "schema", description = "Print the application format: the JSON Schema a client validates against "
        + "(json, each field's codes as its enum) or the field reference (md, docs/application-format.md).")
class SchemaCommand implements Callable<Integer> {
    enum Format { json, md }

    @Option(names = "--format", defaultValue = "json", description = "json (default) or md.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Mixin
    RuleOptions options = new RuleOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var schema = options.evaluator().ruleBase().schema();
        Output.to(out, spec.commandLine().getOut(), w -> {
            if (format == Format.md) {
                w.print(FieldReference.markdown(schema, options.evaluator().ruleBase().tables().evidenceClaims()));
                w.flush();
            } else {
                JsonReport.write(schema.served(), w);
            }
        });
        return Main.OK;
    }
}
