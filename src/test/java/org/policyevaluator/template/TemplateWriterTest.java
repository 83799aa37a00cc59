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
import org.policyevaluator.model.FieldDef;
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
            new TemplateWriter(Fixtures.ruleBase().schema(), Fixtures.ruleBase().tables().evidenceClaims()).write(apps, out);
        }
        return file;
    }

    /**
     * After an intended change of the schema or the writer, rewrite the committed files with
     * {@code ./mvnw test -Dtest=TemplateWriterTest -Dtemplates.update=true} and look at them.
     */
    private static void updateIfAsked(Path fresh, Path committed) throws Exception {
        if (Boolean.getBoolean("templates.update")) {
            Files.copy(fresh, committed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void committedTemplateShouldBeWhatTheTemplateCommandWrites() throws Exception {
        Path fresh = write(List.of());
        updateIfAsked(fresh, TEMPLATE);
        assertThat(WorkbookDump.of(TEMPLATE)).isEqualTo(WorkbookDump.of(fresh));
    }

    @Test
    void committedSampleBatchShouldBeTheSamplesWrittenIntoTheTemplate() throws Exception {
        Path fresh = write(samples());
        updateIfAsked(fresh, SAMPLE_BATCH);
        assertThat(WorkbookDump.of(SAMPLE_BATCH)).isEqualTo(WorkbookDump.of(fresh));
    }

    @Test
    void templateShouldOfferADropDownForEveryEnumAndBooleanColumn() throws Exception {
        String dump = WorkbookDump.of(write(List.of()));
        String batch = dump.substring(dump.indexOf("sheet " + TemplateSheets.BATCH), dump.indexOf("sheet " + TemplateSheets.VALUES));
        List<FieldDef> fields = Fixtures.ruleBase().schema().fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldDef f = fields.get(i);
            String column = org.apache.poi.ss.util.CellReference.convertNumToColString(i);
            String range = column + "3:" + column + "5002";
            String expected = switch (f.type()) {
                case BOOLEAN -> "validation " + range + " type 3 YesNo null prompt ";
                case CODE, CODE_LIST -> "validation " + range + " type 3 Codes_" + f.codes().name().replace('-', '_')
                        + " null prompt ";
                default -> "validation " + range + " type ";
            };
            assertThat(batch).as(f.path()).contains(expected);
        }
        assertThat(dump).contains("name Codes_applicant_types = '可选值 Allowed values'!$B$5:$B$8")
                .contains("  A1 STRING applicationId [General]")
                .contains("  A2 STRING 申报编号 / Application ID * [General]")
                .contains("  comment K1 算力芯片清单 / AI accelerator inventory\n型号*数量，用 ; 分隔，如 Ascend 910B*512; NVIDIA A800*64 "
                        + "model*count separated by ;");
    }
}
