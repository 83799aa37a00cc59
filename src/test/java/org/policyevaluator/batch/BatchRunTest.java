package org.policyevaluator.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.report.JsonReport;
import tools.jackson.databind.JsonNode;

/**
 * The one pipeline: a batch spooled to disk on several threads gives what the same batch kept in memory on
 * the caller's thread gives — same order, ranks, rejections and bytes — and is worded only as an output asks.
 */
class BatchRunTest {
    private static final int N = 3_000;

    /** N applications over a few shapes (so that totals tie), with a bad one every 500 and duplicates. */
    private static List<Object> inputs() {
        List<Object> items = new ArrayList<>();
        String[][] shapes = {
                {"techAreas", "AI_CHIP"}, {"techAreas", "DATASET"}, {"scenario.sector", "MANUFACTURING"},
                {"scenario.sector", "HEALTHCARE"}, {"compute.domesticComputingCenter", "true"}};
        for (int i = 0; i < N; i++) {
            Location.InJson at = Location.InJson.of("$[" + i + "]");
            if (i % 500 == 250) {
                items.add(new Rejection("generated", at, "S-" + i, List.of(Problem.of(at.at("budget"), "problem.required",
                        "field", "budget"))));
                continue;
            }
            String[] shape = shapes[i % shapes.length];
            Object value = shape[1].equals("true") ? Boolean.TRUE : shape[0].equals("techAreas") ? List.of(shape[1]) : shape[1];
            var json = TestSupport.with(shape[0], value, "innovation.inventionPatents", i % 12);
            json.put("applicationId", i % 700 == 699 ? "S-1" : "S-" + i); // a duplicate id now and then
            items.add(new Submission("generated", at, TestSupport.bind(json)));
        }
        return items;
    }

    private static BatchRun.Result run(BatchRun batch, List<Object> inputs) {
        for (Object o : inputs) {
            if (o instanceof Submission s) {
                batch.accept(s);
            } else {
                batch.reject((Rejection) o);
            }
        }
        return batch.finish();
    }

    @Test
    void runWhenSpooledOnSeveralThreadsShouldGiveTheBytesOfTheBatchKeptInMemory() {
        List<Object> inputs = inputs();
        try (BatchRun disk = new BatchRun(TestSupport.EVALUATOR, null, false, 4, BatchRun.Keep.DISK, done -> { });
             BatchRun memory = BatchRun.inMemory(TestSupport.EVALUATOR, null, false)) {
            BatchRun.Result spooled = run(disk, inputs);
            BatchRun.Result kept = run(memory, inputs);
            BatchResult expected = kept.render("en");

            assertThat(spooled.rows()).extracting(ScoreRow::applicationId)
                    .containsExactlyElementsOf(expected.evaluations().stream().map(Evaluation::applicationId).toList());
            assertThat(spooled.rejected()).hasSize(expected.rejectedCount()).hasSize(6 + 4);
            assertThat(expected.rejected().get(0).problems().get(0).message()).isEqualTo("required: an object");
            assertThat(expected.rejected()).anySatisfy(r -> assertThat(r.problems().get(0).message())
                    .isEqualTo("applicationId \"S-1\" is already used by the application at generated $[1]; "
                            + "ids must be unique within a batch"));
            assertThat(kept.rejectedViews("zh")).anySatisfy(r -> assertThat(r.problems().get(0).message())
                    .isEqualTo("申报编号“S-1”已被 generated 第 2 份申请 的申报使用；同一批次内编号不得重复"));

            StringWriter json = new StringWriter();
            BatchOutput.json(spooled, "en", json);
            assertThat(json.toString()).isEqualTo(JsonReport.toJson(expected) + "\n");
        }
    }

    @Test
    void renderWhenTheLanguageChangesShouldWordTheSameOutcomesAgain() {
        try (BatchRun batch = BatchRun.inMemory(TestSupport.EVALUATOR, null, false)) {
            BatchRun.Result result = run(batch, inputs().subList(0, 300));
            BatchResult zh = result.render("zh");
            BatchResult en = result.render("en");
            assertThat(zh.evaluations()).extracting(Evaluation::totalScore)
                    .containsExactlyElementsOf(en.evaluations().stream().map(Evaluation::totalScore).toList());
            assertThat(zh.evaluations().get(0).findings().get(0).reason()).isNotEqualTo(en.evaluations().get(0).findings().get(0).reason());
            assertThat(zh.rejected().get(0).problems().get(0).message()).isEqualTo("必填：对象");
            assertThat(en.rejected().get(0).problems().get(0).message()).isEqualTo("required: an object");
        }
    }

    @Test
    void evaluationsWithoutWhyNotShouldBeTheWholeEvaluationLessItsWhyNot() {
        try (BatchRun batch = new BatchRun(TestSupport.EVALUATOR, null, false, 2, BatchRun.Keep.DISK, done -> { })) {
            BatchRun.Result result = run(batch, inputs().subList(0, 800));
            for (ScoreRow row : result.rows()) {
                Evaluation whole = result.evaluation(row, "zh", true);
                Evaluation printed = result.evaluation(row, "zh", false);
                assertThat(whole.whyNot()).isNotEmpty();
                assertThat(printed.whyNot()).isEmpty();
                assertThat(printed).isEqualTo(new Evaluation(whole.evaluationId(), whole.applicationId(), whole.title(),
                        whole.applicant(), whole.program(), whole.rulesetVersion(), whole.totalScore(), whole.maxScore(),
                        whole.grade(), whole.eligible(), whole.declaredScore(), whole.review(), whole.rank(), whole.tieBreaks(),
                        whole.dimensions(), whole.gates(), whole.flags(), whole.findings(), whole.pending(), List.of(),
                        whole.suggestions()));
            }
        }
    }

    @Test
    void runAsJsonLinesShouldGiveOneRankedEvaluationPerLineThenTheRejections() {
        List<Object> inputs = inputs().subList(0, 600);
        try (BatchRun batch = new BatchRun(TestSupport.EVALUATOR, null, false, 2, BatchRun.Keep.DISK, done -> { })) {
            BatchRun.Result result = run(batch, inputs);
            StringWriter out = new StringWriter();
            BatchOutput.jsonLines(result, "zh", out);
            List<String> lines = out.toString().lines().toList();
            assertThat(lines).hasSize(600);
            JsonNode first = JsonIntake.mapper().readTree(lines.get(0));
            assertThat(first.get("applicationId").stringValue()).isEqualTo("S-0");
            assertThat(first.get("rank").intValue()).isEqualTo(result.placement("S-0").rank());
            assertThat(JsonReport.compact(result.evaluation(result.rows().get(0), "zh", true))).isEqualTo(lines.get(0));
            assertThat(lines.get(599)).startsWith("{\"rejected\":{\"source\":\"generated\",\"location\":\"$[250]\"");
        }
    }

    @Test
    void rowsInRankOrderShouldFollowTheOneListOrder() {
        try (BatchRun batch = new BatchRun(TestSupport.EVALUATOR, null, false, 3, BatchRun.Keep.DISK, done -> { })) {
            BatchRun.Result result = run(batch, inputs().subList(0, 400));
            List<ScoreRow> ordered = result.rowsInRankOrder();
            assertThat(ordered).hasSameSizeAs(result.rows());
            for (int i = 1; i < ordered.size(); i++) {
                Integer before = result.placement(ordered.get(i - 1).applicationId()).rank();
                Integer after = result.placement(ordered.get(i).applicationId()).rank();
                if (after != null) {
                    assertThat(before).isNotNull().isLessThanOrEqualTo(after);
                }
            }
        }
    }
}
