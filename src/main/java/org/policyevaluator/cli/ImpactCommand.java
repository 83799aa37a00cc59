package org.policyevaluator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyevaluator.batch.BatchRun;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.store.EvaluationStore;
import org.policyevaluator.tooling.Impact;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "impact", description = {"Compare a new rules folder with the current rules on the same applications: "
        + "totals, ranks, and who crosses the funding line.",
        "With --batch ID the applications are the stored inputs of a batch of the evaluation store (./data, or "
                + "PostgreSQL with the postgres profile), compared under the ruleset stored with the batch and NEW_DIR."})
class ImpactCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    LangOption language = new LangOption();

    enum Format { text, json }

    @Parameters(arity = "0..*", paramLabel = "FILE", descriptionKey = "files", description = "Application files.")
    List<Path> files = List.of();

    @Option(names = "--batch", paramLabel = "BATCH_ID",
            description = "A stored batch instead of files: its inputs, under its stored ruleset (the base) and NEW_DIR.")
    String batchId;

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
        if (batchId != null) {
            if (!files.isEmpty() || baseRules != null) {
                throw new Main.UsageException("usage.impact.batchAlone");
            }
            try (var ds = StoreAccess.open()) {
                EvaluationStore store = new EvaluationStore(ds);
                EvaluationStore.StoredBatch batch = store.batch(batchId)
                        .orElseThrow(() -> new Main.UsageException("usage.impact.noBatch", batchId));
                RuleBase base = RuleBase.build(store.ruleset(batch.rulesetVersion()).orElseThrow(() ->
                        new Main.UsageException("usage.impact.noRuleset", batch.rulesetVersion(), batchId)));
                List<Submission> inputs = new ArrayList<>();
                for (EvaluationStore.StoredEvaluation e : store.evaluationsOfBatch(batchId)) {
                    String at = "$[" + e.position() + "]";
                    var read = base.reader().read(JsonIntake.mapper().readTree(e.inputJson()), at);
                    if (!read.ok()) {
                        throw new IllegalStateException("stored input " + e.evaluationId() + " no longer reads: "
                                + base.problemTexts().line(read.problems().get(0), "en"));
                    }
                    inputs.add(new Submission("batch " + batchId, Location.InJson.of(at), read.application()));
                }
                if (program == null) {
                    program = batch.program();
                }
                return compare(base, RuleBase.fromDirectory(newRules), rb -> evaluateStored(rb, inputs));
            }
        }
        if (files.isEmpty()) {
            throw new Main.UsageException("usage.impact.nothing");
        }
        RuleBase base = baseRules == null ? RuleBase.bundled() : RuleBase.fromDirectory(baseRules);
        return compare(base, RuleBase.fromDirectory(newRules), this::evaluate);
    }

    private Integer compare(RuleBase base, RuleBase changed, java.util.function.Function<RuleBase, BatchResult> evaluate) {
        for (RuleBase rb : List.of(base, changed)) {
            if (program != null && rb.tables().programme(program) == null) {
                throw new Main.UsageException("usage.program.in", program, rb.origin());
            }
        }
        BatchResult before = evaluate.apply(base);
        BatchResult after = evaluate.apply(changed);
        Impact.FundingLine fundingLine = new Impact.FundingLine(line.top, line.grade);
        Impact.Report report = Impact.compare(before.evaluations(), base.tables(), after.evaluations(), changed.tables(),
                fundingLine);
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            JsonReport.write(report, out);
            return Main.OK;
        }
        String lang = language.lang;
        out.println(CliTexts.text("impact.base", lang, CliTexts.rulesName(base, baseRules == null && batchId == null, lang),
                base.version()));
        out.println(CliTexts.text("impact.new", lang, changed.origin(), changed.version()));
        out.println(CliTexts.text("impact.line", lang, line.top != null ? CliTexts.text("impact.line.top", lang, line.top)
                : line.grade != null ? CliTexts.text("impact.line.grade", lang, line.grade) : CliTexts.text("none", lang)));
        out.printf("  %-16s %8s %8s %8s %6s %6s %-6s %-6s %s%n", (Object[]) CliTexts.text("impact.columns", lang).split("\\|"));
        for (Impact.Row r : report.rows()) {
            out.printf("  %-16s %8s %8s %8s %6s %6s %-6s %-6s %s%n", r.applicationId(), r.oldTotal().toPlainString(),
                    r.newTotal().toPlainString(), (r.delta().signum() > 0 ? "+" : "") + r.delta().toPlainString(),
                    r.newRank() == null ? "-" : r.newRank(), r.oldRank() == null ? "-" : r.oldRank(), r.newGrade(),
                    r.oldGrade(), r.crossing() == null ? (r.fundedAfter() ? CliTexts.text("impact.funded", lang) : "")
                            : CliTexts.text(r.crossing().equals("in") ? "impact.crossedIn" : "impact.crossedOut", lang));
        }
        String none = CliTexts.text("none", lang);
        String and = "en".equals(lang) ? ", " : "、";
        out.println(CliTexts.text("impact.newlyFunded", lang,
                report.newlyFunded().isEmpty() ? none : String.join(and, report.newlyFunded())));
        out.println(CliTexts.text("impact.noLongerFunded", lang,
                report.noLongerFunded().isEmpty() ? none : String.join(and, report.noLongerFunded())));
        return Main.OK;
    }

    private BatchResult evaluateStored(RuleBase rb, List<Submission> inputs) {
        try (BatchRun batch = BatchRun.inMemory(new Evaluator(rb), program, false)) {
            inputs.forEach(batch::accept);
            return batch.finish().render("en");
        }
    }

    private BatchResult evaluate(RuleBase rb) {
        Evaluator evaluator = new Evaluator(rb);
        try (BatchRun batch = BatchRun.inMemory(evaluator, program, false)) {
            BatchInput.read(files, new JsonIntake(rb.reader()), new ExcelSupport(evaluator, spec.commandLine().getErr(), "en"),
                    batch::accept, batch::reject);
            return batch.finish().render("en");
        }
    }
}
