package org.policyevaluator.intake.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.policyevaluator.Fixtures;
import org.policyevaluator.batch.BatchRun;
import org.policyevaluator.report.JsonReport;

/** An application read from Excel evaluates exactly as the same application in JSON. */
class ExcelParityTest {

    static String evaluateJson(Path... files) {
        try (BatchRun batch = BatchRun.inMemory(Fixtures.evaluator(), null, true)) {
            for (Path f : files) {
                Fixtures.jsonIntake().read(f, batch::accept, batch::reject);
            }
            return JsonReport.toJson(batch.finish().render("zh"));
        }
    }

    static String evaluateWorkbook(Path file) {
        try (BatchRun batch = BatchRun.inMemory(Fixtures.evaluator(), null, true)) {
            Fixtures.workbookIntake().read(file, batch::accept, batch::reject, w -> {
                throw new AssertionError("unexpected warning: " + w);
            });
            return JsonReport.toJson(batch.finish().render("zh"));
        }
    }

    @Test
    void evaluateWhenSamplesComeFromTheBatchWorkbookShouldEqualTheirJson() throws Exception {
        Path[] jsons = TemplateWriterSamples.files();
        String fromJson = evaluateJson(jsons);
        assertThat(fromJson).contains("\"evaluatedCount\" : 9");
        assertThat(evaluateWorkbook(Path.of("samples", "batch-applications.xlsx"))).isEqualTo(fromJson);
    }

    @Test
    void evaluateWhenWorkbookWasSavedByLibreOfficeShouldEqualItsJsonTwin() {
        Path dir = Path.of("src", "test", "resources", "excel");
        String fromJson = evaluateJson(dir.resolve("libreoffice-batch.json"));
        assertThat(fromJson).contains("\"evaluatedCount\" : 3");
        assertThat(evaluateWorkbook(dir.resolve("libreoffice-batch.xlsx"))).isEqualTo(fromJson);
    }

    /** The sample files that samples/batch-applications.xlsx holds, in its row order. */
    static final class TemplateWriterSamples {
        static Path[] files() throws Exception {
            try (var files = java.nio.file.Files.list(Path.of("samples"))) {
                return files.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().startsWith("batch-"))
                        .sorted().toArray(Path[]::new);
            }
        }
    }
}
