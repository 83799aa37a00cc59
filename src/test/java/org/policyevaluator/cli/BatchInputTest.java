package org.policyevaluator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick count behind the progress bar's total: exact for JSON, the declared extent for a workbook. */
class BatchInputTest {
    @TempDir
    Path dir;

    @Test
    void countWhenJsonShouldCountApplicationsWithoutBuildingThem() {
        assertThat(BatchInput.count(List.of(Path.of("samples/batch-with-rejected-applications.json"),
                Path.of("samples/green-textile-factory.json")))).isEqualTo(4);
    }

    @Test
    void countWhenWorkbookShouldEstimateFromTheDeclaredExtentOfItsLargestSheet() throws IOException {
        Path workbook = dir.resolve("batch.xlsx");
        org.policyevaluator.batch.Benchmark.writeWorkbook(org.policyevaluator.batch.SyntheticApplications.generate(
                org.policyevaluator.TestSupport.RULES.schema(), 120, 3),
                workbook);
        assertThat(BatchInput.count(List.of(workbook))).isEqualTo(120);
    }

    @Test
    void countWhenAFileCannotBeToldShouldBeUnknown() throws IOException {
        Path notAWorkbook = Files.write(dir.resolve("x.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThat(BatchInput.count(List.of(notAWorkbook))).isEqualTo(-1);
        assertThat(BatchInput.count(List.of(Files.writeString(dir.resolve("x.json"), "{broken")))).isEqualTo(-1);
    }
}
