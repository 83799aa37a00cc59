package org.policyevaluator.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyevaluator.evaluation.ReasonRenderer;
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
        var evaluator = options.evaluator();
        RuleBase rb = evaluator.ruleBase();
        ProgrammeReport.Programmes programmes = ProgrammeReport.build(rb, options.lang);
        List<ProgrammeView> views = programmes.programs();
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            JsonReport.write(programmes, out);
            return Main.OK;
        }
        List<String> dims = new ArrayList<>(rb.tables().dimensions().keySet());
        if (!"en".equals(options.lang)) {
            printInChinese(rb, evaluator.renderer().reasons(), views, dims, out);
            return Main.OK;
        }
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

    /**
     * The programmes for a Chinese reader: dimensions, shares and sectors in words; a programme's code only where the
     * reader types it (--program).
     */
    private static void printInChinese(RuleBase rb, ReasonRenderer words, List<ProgrammeView> views, List<String> dims,
                                       java.io.PrintWriter out) {
        java.util.function.Function<String, String> dimension = d -> rb.tables().dimensions().get(d).name("zh");
        for (ProgrammeView v : views) {
            out.println(v.name() + "（--program " + v.id() + "）");
            out.println("  权重：" + String.join("，", dims.stream().map(d -> dimension.apply(d) + " "
                    + v.weights().getOrDefault(d, BigDecimal.ZERO).toPlainString()).toList()));
            out.println("  申请资金占总投资比例上限 " + words.format(v.parameters().get("maxRequestedShare"), "pct", "zh")
                    + (v.parameters().containsKey("minDomesticShare")
                            ? "；国产算力占比下限 " + words.format(v.parameters().get("minDomesticShare"), "pct", "zh") : "")
                    + (v.requiredSectors().isEmpty() ? "" : "；支持行业：" + words.format(v.requiredSectors(), "name", "zh")));
            out.println("  同分依次比较：" + String.join(" > ", v.tieBreak().stream().map(dimension).toList()));
        }
    }
}
