package org.policyevaluator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyevaluator.evaluation.BatchEvaluator;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.tooling.Impact;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "impact", description = "Compare a new rules folder with the current rules on the same applications: "
        + "totals, ranks, and who crosses the funding line.")
class ImpactCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--rules", required = true, paramLabel = "NEW_DIR", description = "The changed rules folder.")
    Path newRules;

    @Option(names = "--base", paramLabel = "DIR", description = "The rules to compare with (default: the bundled rules).")
    Path baseRules;

    static class Line {
        @Option(names = "--top", paramLabel = "N", description = "Funding line: the N best ranked.")
        Integer top;

        @Option(names = "--grade", paramLabel = "G", description = "Funding line: grade G or better.")
        String grade;
    }

    @ArgGroup(exclusive = true)
    Line line = new Line();

    @Option(names = "--program", paramLabel = "ID", description = "Programme to evaluate under.")
    String program;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RuleBase base = baseRules == null ? RuleBase.bundled() : RuleBase.fromDirectory(baseRules);
        RuleBase changed = RuleBase.fromDirectory(newRules);
        for (RuleBase rb : List.of(base, changed)) {
            if (program != null && rb.tables().programme(program) == null) {
                throw new Main.UsageException("--program: unknown programme \"" + program + "\" in " + rb.origin());
            }
        }
        BatchResult before = evaluate(base);
        BatchResult after = evaluate(changed);
        Impact.FundingLine fundingLine = new Impact.FundingLine(line.top, line.grade);
        Impact.Report report = Impact.compare(before.evaluations(), base.tables(), after.evaluations(), changed.tables(),
                fundingLine);
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            JsonReport.write(report, out);
            return Main.OK;
        }
        out.println("base " + base.origin() + " " + base.version());
        out.println("new  " + changed.origin() + " " + changed.version());
        out.println("funding line: " + report.fundingLine());
        out.printf("  %-16s %8s %8s %8s %6s %6s %-6s %-6s %s%n", "id", "old", "new", "delta", "rank", "was", "grade",
                "was", "funding");
        for (Impact.Row r : report.rows()) {
            out.printf("  %-16s %8s %8s %8s %6s %6s %-6s %-6s %s%n", r.applicationId(), r.oldTotal().toPlainString(),
                    r.newTotal().toPlainString(), (r.delta().signum() > 0 ? "+" : "") + r.delta().toPlainString(),
                    r.newRank() == null ? "-" : r.newRank(), r.oldRank() == null ? "-" : r.oldRank(), r.newGrade(),
                    r.oldGrade(), r.crossing() == null ? (r.fundedAfter() ? "funded" : "") : r.crossing().equals("in")
                            ? "NEWLY FUNDED" : "NO LONGER FUNDED");
        }
        out.println("newly funded: " + (report.newlyFunded().isEmpty() ? "none" : String.join(", ", report.newlyFunded())));
        out.println("no longer funded: " + (report.noLongerFunded().isEmpty() ? "none" : String.join(", ", report.noLongerFunded())));
        return Main.OK;
    }

    private BatchResult evaluate(RuleBase rb) {
        Evaluator evaluator = new Evaluator(rb);
        BatchEvaluator batch = new BatchEvaluator(evaluator, program, "en", false);
        BatchInput.read(files, new JsonIntake(rb.tables().programmes().keySet()),
                new ExcelSupport(evaluator, spec.commandLine().getErr()), batch);
        return batch.result();
    }
}
