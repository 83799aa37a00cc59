package org.policyevaluator.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.policyevaluator.template.TemplateWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "template", description = "Write the blank Excel application template (form, batch sheet, allowed values).")
class TemplateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "Where to write the template.")
    Path out;

    @Mixin
    RuleOptions options = new RuleOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (OutputStream o = Files.newOutputStream(out)) {
            new TemplateWriter(options.evaluator().ruleBase().schema(),
                    options.evaluator().ruleBase().tables().evidenceClaims()).write(o);
        } catch (IOException e) {
            throw Output.cannotWrite(out, e);
        }
        spec.commandLine().getErr().println(CliTexts.text("template.written", options.lang, out));
        return Main.OK;
    }
}
