package org.policyevaluator.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.Fixtures;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.excel.Field;
import org.policyevaluator.intake.excel.TemplateSheets;
import org.policyevaluator.intake.excel.WorkbookDump;
import tools.jackson.databind.JsonNode;

class TemplateWriterTest {
    static final Path TEMPLATE = Path.of("templates", "application-template.xlsx");
    static final Path SAMPLE_BATCH = Path.of("samples", "batch-applications.xlsx");

    @TempDir
    Path dir;

    /** The single-application samples, in name order: what samples/batch-applications.xlsx holds. */
    static List<JsonNode> samples() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (var files = Files.list(Path.of("samples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode n = JsonIntake.mapper().readTree(Files.readString(p));
                if (n.isObject() && !n.has("applications")) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    Path write(List<JsonNode> apps) throws Exception {
        Path file = dir.resolve("fresh.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            new TemplateWriter(Fixtures.enums()).write(apps, out);
        }
        return file;
    }

    @Test
    void committedTemplateShouldBeWhatTheTemplateCommandWrites() throws Exception {
        assertThat(WorkbookDump.of(TEMPLATE)).isEqualTo(WorkbookDump.of(write(List.of())));
    }

    @Test
    void committedSampleBatchShouldBeTheSamplesWrittenIntoTheTemplate() throws Exception {
        assertThat(WorkbookDump.of(SAMPLE_BATCH)).isEqualTo(WorkbookDump.of(write(samples())));
    }

    @Test
    void templateShouldOfferADropDownForEveryEnumAndBooleanColumn() throws Exception {
        String dump = WorkbookDump.of(write(List.of()));
        String batch = dump.substring(dump.indexOf("sheet " + TemplateSheets.BATCH), dump.indexOf("sheet " + TemplateSheets.VALUES));
        for (int i = 0; i < Field.ALL.size(); i++) {
            Field f = Field.ALL.get(i);
            String column = org.apache.poi.ss.util.CellReference.convertNumToColString(i);
            String range = column + "3:" + column + "5002";
            String expected = switch (f.kind()) {
                case BOOLEAN -> "validation " + range + " type 3 YesNo null prompt ";
                case ENUM, ENUM_LIST -> "validation " + range + " type 3 " + f.enumType().getSimpleName() + " null prompt ";
                default -> "validation " + range + " type ";
            };
            assertThat(batch).as(f.path()).contains(expected);
        }
        assertThat(dump).contains("name ApplicantType = '可选值 Allowed values'!$B$2:$B$5")
                .contains("  A1 STRING applicationId [General]")
                .contains("  A2 STRING 申报编号 / Application ID * [General]")
                .contains("  comment K1 算力芯片清单 / AI accelerator inventory\n型号*数量，用 ; 分隔 model*count separated by ;");
    }
}
