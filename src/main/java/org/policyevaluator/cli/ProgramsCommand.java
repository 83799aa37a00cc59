package org.policyevaluator.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.report.ProgrammeReport;
import org.policyevaluator.report.ProgrammeReport.ProgrammeView;
import org.policyevaluator.rules.RuleBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "programs", description = "List the funding programmes with their weights, grades, gates and tie-break order.")
class ProgramsCommand implements Callable<Integer> {
    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Mixin
    RuleOptions options = new RuleOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RuleBase rb = options.evaluator().ruleBase();
        ProgrammeReport.Programmes programmes = ProgrammeReport.build(rb, options.lang);
        List<ProgrammeView> views = programmes.programs();
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            JsonReport.write(programmes, out);
            return Main.OK;
        }
        List<String> dims = new ArrayList<>(rb.tables().dimensions().keySet());
        out.printf("%-15s", "programme");
        dims.forEach(d -> out.printf(" %20s", d));
        out.println("  gates and tie-break");
        for (ProgrammeView v : views) {
            out.printf("%-15s", v.id());
            dims.forEach(d -> out.printf(" %20s", v.weights().getOrDefault(d, BigDecimal.ZERO).toPlainString()));
            out.println("  " + v.name() + "; max requested share " + v.parameters().get("maxRequestedShare")
                    + (v.parameters().containsKey("minDomesticShare") ? "; min domestic share " + v.parameters().get("minDomesticShare") : "")
                    + (v.requiredSectors().isEmpty() ? "" : "; sectors " + String.join(",", v.requiredSectors()))
                    + "; ties: " + String.join(" > ", v.tieBreak()));
        }
        return Main.OK;
    }
}
