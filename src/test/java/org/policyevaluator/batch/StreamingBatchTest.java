package org.policyevaluator.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.evaluation.BatchEvaluator;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.model.Application;
import org.policyevaluator.report.JsonReport;
import tools.jackson.databind.JsonNode;

/** A streamed batch gives what the in-memory batch gives: same order, same ranks, same rejections, same bytes. */
class StreamingBatchTest {
    private static final int N = 3_000;

    /** N applications over a few shapes (so that totals tie), with a bad one every 500 and duplicates. */
    private static List<Object> inputs() {
        List<Object> items = new ArrayList<>();
        String[][] shapes = {
                {"techAreas", "AI_CHIP"}, {"techAreas", "DATASET"}, {"scenario.sector", "MANUFACTURING"},
                {"scenario.sector", "HEALTHCARE"}, {"compute.domesticComputingCenter", "true"}};
        for (int i = 0; i < N; i++) {
            if (i % 500 == 250) {
                items.add(new Rejection("generated", "$[" + i + "]", "S-" + i, List.of(new Problem("$[" + i + "].budget",
                        "required: an object"))));
                continue;
            }
            String[] shape = shapes[i % shapes.length];
            Object value = shape[1].equals("true") ? Boolean.TRUE : shape[0].equals("techAreas") ? List.of(shape[1]) : shape[1];
            var json = TestSupport.with(shape[0], value, "innovation.inventionPatents", i % 12);
            json.put("applicationId", i % 700 == 699 ? "S-1" : "S-" + i); // a duplicate id now and then
            items.add(new Submission("generated", "$[" + i + "]", TestSupport.bind(json)));
        }
        return items;
    }

    @Test
    void streamWhenManyApplicationsShouldKeepInputOrderRanksAndRejectionsOfTheInMemoryBatch() {
        List<Object> inputs = inputs();
        BatchEvaluator memory = new BatchEvaluator(TestSupport.EVALUATOR, null, "en", false);
        try (StreamingBatch stream = new StreamingBatch(TestSupport.EVALUATOR, null, "en", false, 4, done -> { })) {
            for (Object o : inputs) {
                if (o instanceof Submission s) {
                    memory.accept(s);
                    stream.accept(s);
                } else {
                    memory.reject((Rejection) o);
                    stream.reject((Rejection) o);
                }
            }
            StreamingBatch.Result result = stream.finish();
            BatchResult expected = memory.result();

            assertThat(result.rows()).extracting(ScoreRow::applicationId)
                    .containsExactlyElementsOf(expected.evaluations().stream().map(e -> e.applicationId()).toList());
            assertThat(result.rejected()).hasSize(expected.rejectedCount()).hasSize(6 + 4);
            assertThat(result.rejected().get(0).problems().get(0).message()).isEqualTo("required: an object");
            assertThat(result.rejected()).anySatisfy(r -> assertThat(r.problems().get(0).message())
                    .isEqualTo("applicationId \"S-1\" is already used by the application at generated $[1]; ids must be unique within a batch"));

            StringWriter json = new StringWriter();
            BatchOutput.json(result, json);
            assertThat(json.toString()).isEqualTo(JsonReport.toJson(expected) + "\n");
        }
    }

    @Test
    void streamForWorkbookShouldReadBackWhatTheReportPrintsAsTheInMemoryBatchHasIt() {
        List<Object> inputs = inputs().subList(0, 800);
        BatchEvaluator memory = new BatchEvaluator(TestSupport.EVALUATOR, null, "zh", false);
        try (StreamingBatch stream = new StreamingBatch(TestSupport.EVALUATOR, null, "zh", false, 2, done -> { }).forWorkbook()) {
            inputs.forEach(o -> {
                if (o instanceof Submission s) {
                    memory.accept(s);
                    stream.accept(s);
                }
            });
            StreamingBatch.Result result = stream.finish();
            List<Evaluation> expected = memory.result().evaluations();
            List<Evaluation> read = new ArrayList<>();
            result.evaluationsForReport(result.rows()).forEach(read::add);
            assertThat(read).hasSameSizeAs(expected);
            for (int i = 0; i < read.size(); i++) {
                Evaluation e = expected.get(i);
                // the report prints neither why-not nor evidence; everything else comes back as it was
                Evaluation printed = new Evaluation(e.evaluationId(), e.applicationId(), e.title(), e.applicant(), e.program(),
                        e.rulesetVersion(), e.totalScore(), e.maxScore(), e.grade(), e.eligible(), e.rank(), e.tieBreaks(),
                        e.dimensions(), e.gates(), e.flags(), e.findings(), List.of(), null).forWorkbook()
                        .withClauses(id -> TestSupport.EVALUATOR.clauses(TestSupport.RULES.rule(id)));
                assertThat(read.get(i)).isEqualTo(printed);
                assertThat(read.get(i).findings()).allSatisfy(f -> assertThat(f.clauses()).isNotEmpty());
            }
        }
    }

    @Test
    void streamAsJsonLinesShouldGiveOneRankedEvaluationPerLineThenTheRejections() {
        List<Object> inputs = inputs().subList(0, 600);
        try (StreamingBatch stream = new StreamingBatch(TestSupport.EVALUATOR, null, "zh", false, 2, done -> { })) {
            inputs.forEach(o -> {
                if (o instanceof Submission s) {
                    stream.accept(s);
                } else {
                    stream.reject((Rejection) o);
                }
            });
            StreamingBatch.Result result = stream.finish();
            StringWriter out = new StringWriter();
            BatchOutput.jsonLines(result, out);
            List<String> lines = out.toString().lines().toList();
            assertThat(lines).hasSize(600);
            JsonNode first = JsonIntake.mapper().readTree(lines.get(0));
            assertThat(first.get("applicationId").stringValue()).isEqualTo("S-0");
            assertThat(first.get("rank").intValue()).isEqualTo(result.placement("S-0").rank());
            // the same evaluation as the document output, with rank and tie-breaks in place
            assertThat(JsonReport.compact(result.evaluation(result.rows().get(0))) + "").isEqualTo(lines.get(0));
            assertThat(lines.get(599)).startsWith("{\"rejected\":{\"source\":\"generated\",\"location\":\"$[250]\"");
        }
    }

    @Test
    void rankingFromScoresShouldMatchRankingFromWholeEvaluations() {
        List<Application> apps = new ArrayList<>();
        for (Object o : inputs().subList(0, 400)) {
            if (o instanceof Submission s) {
                apps.add(s.application());
            }
        }
        BatchEvaluator memory = new BatchEvaluator(TestSupport.EVALUATOR, null, "en", false);
        try (StreamingBatch stream = new StreamingBatch(TestSupport.EVALUATOR, null, "en", false, 3, done -> { })) {
            for (int i = 0; i < apps.size(); i++) {
                Submission s = new Submission("x", "$[" + i + "]", apps.get(i));
                memory.accept(s);
                stream.accept(s);
            }
            var result = stream.finish();
            for (var e : memory.result().evaluations()) {
                assertThat(result.placement(e.applicationId()).rank()).as(e.applicationId()).isEqualTo(e.rank());
                assertThat(result.placement(e.applicationId()).tieBreaks()).isEqualTo(e.tieBreaks());
            }
        }
    }
}
