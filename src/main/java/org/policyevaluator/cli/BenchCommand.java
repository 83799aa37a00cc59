package org.policyevaluator.cli;

import java.util.concurrent.Callable;
import org.policyevaluator.batch.Benchmark;
import org.policyevaluator.report.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", description = "Measure the engine on synthetic applications (fixed seed): a plain JSON parse and "
        + "the engine alone as references, intake, explained evaluations (and their ratio to each reference), a batch "
        + "through the pipeline, self-assessments with verified suggestions, workbook rows read, report rows written.")
class BenchCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    LangOption language = new LangOption();

    enum Format { text, json }

    @Option(names = "--applications", defaultValue = "20000", paramLabel = "N", description = "How many (default 20000).")
    int applications;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: every core).")
    Integer threads;

    @Option(names = "--seconds", defaultValue = "5", paramLabel = "S", description = "Measuring time per figure (default 5).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "S",
            description = "Warm-up before the evaluation figures (default 10): the JIT needs it.")
    double warmup;

    @Option(names = "--seed", defaultValue = "20251121", description = "Seed of the synthetic applications.")
    long seed;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Option(names = "--write-workbook", paramLabel = "FILE",
            description = "Only write the synthetic applications as a workbook (to measure a whole batch run).")
    java.nio.file.Path workbook;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (applications < 1 || seconds <= 0) {
            throw new Main.UsageException("usage.bench.positive");
        }
        if (workbook != null) {
            try {
                var schema = org.policyevaluator.rules.RuleBase.bundled().schema();
                Benchmark.writeWorkbook(org.policyevaluator.batch.SyntheticApplications.generate(schema, applications, seed),
                        workbook);
            } catch (java.io.IOException e) {
                throw Output.cannotWrite(workbook, e);
            }
            spec.commandLine().getOut().println("wrote " + applications + " synthetic applications to " + workbook);
            return Main.OK;
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        var evaluator = new org.policyevaluator.evaluation.Evaluator(org.policyevaluator.rules.RuleBase.bundled());
        Benchmark.Figures f = new Benchmark(evaluator, t, seconds, warmup).run(applications, seed);
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            JsonReport.write(f, out);
        } else {
            out.printf("cores %d, threads %d, %d synthetic applications (seed %d), Java %s%n", f.cores(), f.threads(),
                    f.applications(), f.seed(), f.java());
            out.printf("  plain JSON parse (reference)   %12.0f applications/s, one thread%n", f.plainParsePerSecond());
            out.printf("  intake: parse, validate, bind  %12.0f applications/s, one thread%n", f.intakePerSecond());
            out.printf("  engine alone (reference)       %12.0f evaluations/s (rules fired, nothing worded)%n",
                    f.engineOnlyPerSecond());
            out.printf("  explained evaluations          %12.0f evaluations/s (in chunks of %d, as a batch runs)%n",
                    f.evaluationsPerSecond(), org.policyevaluator.evaluation.Evaluator.CHUNK);
            out.printf("    as a ratio                   %12.2f of the engine alone, %.2f of a plain parse%n",
                    f.explainedToEngine(), f.explainedToPlainParse());
            out.printf("    one at a time                %12.0f evaluations/s (as single requests run)%n",
                    f.singleEvaluationsPerSecond());
            out.printf("  a batch through the pipeline   %12.0f applications/s (evaluated, ranked, every one worded)%n",
                    f.pipelinePerSecond());
            out.printf("  self-assessments (suggestions) %12.0f /s, %.1f ms mean, %.1f ms p99 on one thread%n",
                    f.selfAssessmentsPerSecond(), f.selfAssessmentMeanMillis(), f.selfAssessmentP99Millis());
            out.printf("  XLSX rows read                 %12.0f rows/s%n", f.xlsxRowsReadPerSecond());
            out.printf("  report rows written            %12.0f rows/s%n", f.reportRowsWrittenPerSecond());
        }
        return Main.OK;
    }
}
