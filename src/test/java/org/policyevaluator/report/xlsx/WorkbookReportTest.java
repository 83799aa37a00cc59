package org.policyevaluator.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.policyevaluator.Fixtures;
import org.policyevaluator.TestSupport;
import org.policyevaluator.batch.BatchRun;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.ProblemTexts;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.report.CatalogueReport;

class WorkbookReportTest {

    static BatchRun.Result batch(String title, String applicant) {
        try (BatchRun b = BatchRun.inMemory(Fixtures.evaluator(), null, true)) {
            Fixtures.jsonIntake().read(Path.of("samples", "green-textile-factory.json"), b::accept, b::reject);
            Fixtures.jsonIntake().read(Path.of("samples", "batch-with-rejected-applications.json"), b::accept, b::reject);
            var json = TestSupport.minimal();
            json.put("applicationId", "=HYPERLINK(\"http://x\")").put("title", title);
            TestSupport.set(json, "applicant.name", applicant);
            b.accept(new Submission("t", Location.InJson.of("$"), TestSupport.bind(json)));
            return b.finish();
        }
    }

    static void write(WorkbookReport report, BatchRun.Result result, List<ProblemTexts.View> warnings, ByteArrayOutputStream out)
            throws Exception {
        Evaluator ev = result.evaluator();
        report.write(result.rankedRows("zh"), result.evaluations(result.rowsInRankOrder(), "zh", false),
                result.rejectedViews("zh"), warnings, CatalogueReport.build(ev, ev.defaultProgramme()), out);
    }

    static XSSFWorkbook write(BatchRun.Result result, int maxRows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(new WorkbookReport("zh", maxRows), result, List.of(new ProblemTexts.View("a.xlsx, sheet S, column X",
                "unknown column")), out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void writeShouldGiveEverySheetAndAChart() throws Exception {
        try (XSSFWorkbook wb = write(batch("t", "a"), WorkbookReport.EXCEL_MAX_ROWS)) {
            assertThat(wb.sheetIterator()).toIterable().extracting(s -> s.getSheetName()).containsExactly(
                    WorkbookReport.RANKING, WorkbookReport.FINDINGS, WorkbookReport.GATES, WorkbookReport.REJECTED,
                    WorkbookReport.RULES, WorkbookReport.CHART);
            var ranking = wb.getSheet(WorkbookReport.RANKING);
            assertThat(ranking.getRow(0).getCell(5).getStringCellValue()).isEqualTo("总分 Total");
            assertThat(ranking.getPaneInformation().isFreezePane()).isTrue();
            assertThat(ranking.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(ranking.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(1);
            assertThat(ranking.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1.0);
            var chart = wb.getSheet(WorkbookReport.CHART).getDrawingPatriarch().getCharts();
            assertThat(chart).hasSize(1);
            assertThat(chart.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo(5);
            var rejected = wb.getSheet(WorkbookReport.REJECTED);
            assertThat(rejected.getLastRowNum()).isGreaterThan(1);
            assertThat(rejected.getRow(rejected.getLastRowNum()).getCell(5).getStringCellValue()).isEqualTo("unknown column");
        }
    }

    @Test
    void writeShouldPrintLandscapeFitToWidthWithTheHeaderOnEveryPageAndTheChartOnAPageOfItsOwn() throws Exception {
        try (XSSFWorkbook wb = write(batch("t", "a"), WorkbookReport.EXCEL_MAX_ROWS)) {
            for (String name : List.of(WorkbookReport.RANKING, WorkbookReport.FINDINGS, WorkbookReport.GATES)) {
                var s = wb.getSheet(name);
                assertThat(s.getPrintSetup().getLandscape()).as(name).isTrue();
                assertThat(s.getPrintSetup().getPaperSize()).as(name).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                assertThat(s.getFitToPage()).as(name).isTrue();
                assertThat(s.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
                assertThat(s.getPrintSetup().getFitHeight()).as(name).isEqualTo((short) 0);
                assertThat(s.getRepeatingRows()).as(name).isEqualTo(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
            }
            var chart = wb.getSheet(WorkbookReport.CHART);
            assertThat(chart.getPrintSetup().getLandscape()).isTrue();
            assertThat(chart.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
        }
    }

    @Test
    void writeTwiceShouldGiveTheSameBytesWithNoTimeOfWritingInThem() throws Exception {
        BatchRun.Result result = batch("t", "a");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        write(new WorkbookReport("zh", WorkbookReport.EXCEL_MAX_ROWS), result, List.of(), first);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        write(new WorkbookReport("zh", WorkbookReport.EXCEL_MAX_ROWS), result, List.of(), second);
        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
        // every entry carries the fixed time, and the properties no time of creation but it
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(first.toByteArray()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertThat(e.getTime()).as(e.getName()).isEqualTo(org.policyevaluator.report.StableZip.FIXED_TIME);
            }
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(first.toByteArray()))) {
            assertThat(wb.getProperties().getCoreProperties().getCreated().getTime()).isEqualTo(org.policyevaluator.report.StableZip.FIXED_TIME);
        }
    }

    @Test
    void writeWhenTheBatchIsLargerThanTheDetailLimitShouldSummarisePointsByRuleAndOnlyFailures() throws Exception {
        BatchRun.Result result = batch("t", "a");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(new WorkbookReport("zh", WorkbookReport.EXCEL_MAX_ROWS, 1), result, List.of(), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.sheetIterator()).toIterable().extracting(s -> s.getSheetName()).containsExactly(
                    WorkbookReport.RANKING, WorkbookReport.POINTS, WorkbookReport.GATES, WorkbookReport.REJECTED,
                    WorkbookReport.RULES, WorkbookReport.CHART);
            var points = wb.getSheet(WorkbookReport.POINTS);
            assertThat(points.getRow(0).getCell(1).getStringCellValue()).isEqualTo("AP-010");
            assertThat(points.getLastRowNum()).isEqualTo(result.rows().size());
            var gates = wb.getSheet(WorkbookReport.GATES);
            for (int r = 1; r <= gates.getLastRowNum(); r++) {
                assertThat(gates.getRow(r).getCell(3).getStringCellValue()).isNotEqualTo("通过");
            }
        }
    }

    @Test
    void writeWhenUserTextStartsLikeAFormulaShouldWriteItAsText() throws Exception {
        try (XSSFWorkbook wb = write(batch("+SUM(A1:A9)", "@cmd|' /C calc'!A0"), WorkbookReport.EXCEL_MAX_ROWS)) {
            var row = wb.getSheet(WorkbookReport.RANKING).getRow(1 + findRow(wb, "=HYPERLINK(\"http://x\")"));
            for (int c = 1; c <= 3; c++) {
                assertThat(row.getCell(c).getCellType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(c).getCellStyle().getQuotePrefixed()).isTrue();
            }
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("+SUM(A1:A9)");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("@cmd|' /C calc'!A0");
        }
    }

    private static int findRow(XSSFWorkbook wb, String id) {
        var s = wb.getSheet(WorkbookReport.RANKING);
        for (int r = 1; r <= s.getLastRowNum(); r++) {
            if (s.getRow(r).getCell(1).getStringCellValue().equals(id)) {
                return r - 1;
            }
        }
        throw new AssertionError(id + " not in the ranking");
    }

    @Test
    void writeWhenFindingsPassTheRowLimitShouldContinueOnANewSheet() throws Exception {
        BatchRun.Result result = batch("t", "a");
        long findings = result.render("zh").evaluations().stream().mapToLong(e -> e.findings().size()).sum();
        try (XSSFWorkbook wb = write(result, 6)) {
            long rows = 0;
            int sheets = 0;
            for (var s : wb) {
                if (s.getSheetName().startsWith(WorkbookReport.FINDINGS)) {
                    sheets++;
                    rows += s.getLastRowNum();
                    assertThat(s.getLastRowNum()).isLessThanOrEqualTo(5);
                }
            }
            assertThat(rows).isEqualTo(findings);
            assertThat(sheets).isEqualTo((int) ((findings + 4) / 5));
            assertThat(wb.getSheet(WorkbookReport.FINDINGS + " (2)")).isNotNull();
        }
    }
}
