package org.policyevaluator.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.ApplicationReader;
import org.policyevaluator.intake.JsonIntake;

/** The synthetic applications are valid, repeatable, and exercise every dimension, gate and flag. */
class BenchmarkTest {

    @Test
    void generateWithTheSameSeedShouldGiveTheSameApplications() {
        assertThat(JsonIntake.mapper().writeValueAsString(SyntheticApplications.generate(TestSupport.RULES.schema(), 50, 7)))
                .isEqualTo(JsonIntake.mapper().writeValueAsString(SyntheticApplications.generate(TestSupport.RULES.schema(), 50, 7)))
                .isNotEqualTo(JsonIntake.mapper().writeValueAsString(SyntheticApplications.generate(TestSupport.RULES.schema(), 50, 8)));
    }

    @Test
    void generatedApplicationsShouldBeValidAndFireEveryRule() {
        Set<String> fired = new HashSet<>();
        for (var json : SyntheticApplications.generate(TestSupport.RULES.schema(), 3_000, 20251121)) {
            var read = TestSupport.RULES.reader().read(json, "$");
            assertThat(read.problems()).isEmpty();
            Evaluation e = TestSupport.EVALUATOR.evaluate(read.application(), "general", "en");
            e.findings().forEach(f -> fired.add(f.ruleId()));
            e.gates().stream().filter(g -> !g.passed()).forEach(g -> fired.add(g.ruleId()));
            e.flags().forEach(f -> fired.add(f.ruleId()));
        }
        // GT-050 and GT-060 belong to other programmes
        List<String> general = TestSupport.RULES.catalogue().keySet().stream()
                .filter(id -> !id.equals("GT-050") && !id.equals("GT-060")).toList();
        assertThat(fired).containsAll(general);
    }

    @Test
    void runShouldReportEveryFigure() {
        Benchmark.Figures f = new Benchmark(TestSupport.EVALUATOR, 2, 0.2, 0.2).run(200, 1);
        assertThat(f.applications()).isEqualTo(200);
        assertThat(f.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(List.of(f.plainParsePerSecond(), f.intakePerSecond(), f.engineOnlyPerSecond(), f.evaluationsPerSecond(),
                f.explainedToEngine(), f.explainedToPlainParse(), f.singleEvaluationsPerSecond(), f.pipelinePerSecond(),
                f.selfAssessmentsPerSecond(), f.xlsxRowsReadPerSecond(), f.reportRowsWrittenPerSecond()))
                .allSatisfy(v -> assertThat(v).isPositive());
        // the ratios are of the figures reported beside them (how fast is for bench to say, not a unit test)
        assertThat(f.explainedToEngine()).isCloseTo(f.evaluationsPerSecond() / f.engineOnlyPerSecond(), within(0.01));
        assertThat(f.explainedToPlainParse()).isCloseTo(f.evaluationsPerSecond() / f.plainParsePerSecond(), within(0.01));
        assertThat(f.selfAssessmentP99Millis()).isGreaterThanOrEqualTo(f.selfAssessmentMeanMillis() * 0.5);
    }
}
