package org.policyevaluator.intake.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.Fixtures;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.intake.excel.TestWorkbooks.Formula;
import org.policyevaluator.intake.excel.TestWorkbooks.Percent;
import org.policyevaluator.intake.Location;
import org.policyevaluator.model.Application;
import java.util.Map;

class WorkbookIntakeTest {
    static final Object[] HEAD = {"applicationId", "title", "applicant.name", "budget.total", "budget.requested"};

    @TempDir
    Path dir;

    record Read(List<Submission> accepted, List<Rejection> rejected, List<Problem> warnings) {
        Application app() {
            assertThat(rejected).isEmpty();
            assertThat(accepted).hasSize(1);
            return accepted.get(0).application();
        }

        List<String> problems() {
            return rejected.stream().flatMap(r -> r.problems().stream()).map(WorkbookIntakeTest::line).toList();
        }

        List<String> warningLines() {
            return warnings.stream().map(WorkbookIntakeTest::line).toList();
        }
    }

    static String line(Problem p) {
        return Fixtures.ruleBase().problemTexts().line(p, "en");
    }

    Read read(Path file) {
        Read r = new Read(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Fixtures.workbookIntake().read(file, r.accepted()::add, r.rejected()::add, r.warnings()::add);
        return r;
    }

    Path batch(Object[] extraHeads, Object[]... extraRows) throws Exception {
        Object[] head = concat(HEAD, extraHeads);
        Object[][] rows = new Object[extraRows.length + 1][];
        rows[0] = head;
        for (int i = 0; i < extraRows.length; i++) {
            rows[i + 1] = concat(new Object[] {"A-" + i, "Project " + i, "Company " + i, 1000, 300}, extraRows[i]);
        }
        return TestWorkbooks.xlsx(dir.resolve("batch.xlsx"), "申报表", rows);
    }

    static Object[] concat(Object[] a, Object[] b) {
        Object[] out = new Object[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void readWhenAnEvidenceColumnIsGivenShouldKeepEachReferenceForItsClaim() throws Exception {
        Application app = read(batch(new Object[] {"innovation.inventionPatents", "evidence.innovation.inventionPatents"},
                new Object[] {2, "ZL201710601862.3；ZL201710601862.3\nCN201710601862.3"})).app();
        assertThat(app.evidenceClaims()).containsExactly("innovation.inventionPatents");
        assertThat(app.evidence("innovation.inventionPatents")).hasSize(3);
    }

    @Test
    void readWhenAnEvidenceReferenceIsMalformedShouldNameItsCellAndItem() throws Exception {
        Read r = read(batch(new Object[] {"innovation.inventionPatents", "evidence.innovation.inventionPatents"},
                new Object[] {2, "ZL201710601862.3; ZL201710601862.4"}));
        assertThat(r.problems()).containsExactly("batch.xlsx, sheet 申报表, row 2, column evidence.innovation.inventionPatents (G), "
                + "item 2: check character is '4' but the first 12 digits give '3'");
    }

    @Test
    void readWhenHeadersArePathsShouldBindTheRow() throws Exception {
        Application app = read(batch(new Object[] {"budget.months"}, new Object[] {24})).app();
        assertThat(app.applicationId()).isEqualTo("A-0");
        assertThat(app.applicantName()).isEqualTo("Company 0");
        assertThat(app.get("budget.total")).isEqualTo(1000.0);
        assertThat(app.get("budget.months")).isEqualTo(24);
    }

    @Test
    void readWhenHeadersAreLabelsWithOtherCaseSpacingAndWidthShouldMatchFields() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("labels.xlsx"), "Sheet1",
                new Object[] {"申报编号", "Project Title", " ＡＰＰＬＩＣＡＮＴ　ＮＡＭＥ ", "总预算(万元) / Total budget (10k CNY)", "申请资金*"},
                new Object[] {"L-1", "T", "C", 100, 50});
        Application app = read(file).app();
        assertThat(app.title()).isEqualTo("T");
        assertThat(app.applicantName()).isEqualTo("C");
        assertThat(app.get("budget.requested")).isEqualTo(50.0);
    }

    @Test
    void readWhenTemplateLabelsRowFollowsHeadersShouldSkipIt() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("t.xlsx"), "Batch", HEAD,
                new Object[] {"申报编号 / Application ID *", "项目名称 / Project title *", "申报单位名称 / Applicant name *",
                    "总预算(万元) / Total budget (10k CNY) *", "申请资金(万元) / Funding requested (10k CNY) *"},
                new Object[] {"X-1", "T", "C", 100, 50});
        assertThat(read(file).app().applicationId()).isEqualTo("X-1");
    }

    @Test
    void readWhenPercentIsTextShouldGiveShare() throws Exception {
        Application app = read(batch(new Object[] {"compute.trainingDomesticShare", "compute.inferenceDomesticShare",
            "green.energySavingPercent"}, new Object[] {"72%", "０．５", "22%"})).app();
        assertThat(app.get("compute.trainingDomesticShare")).isEqualTo(0.72);
        assertThat(app.get("compute.inferenceDomesticShare")).isEqualTo(0.5);
        assertThat(app.get("green.energySavingPercent")).isEqualTo(22.0);
    }

    @Test
    void readWhenNumberIsFormattedAsPercentShouldGiveShareAndPercentage() throws Exception {
        Application app = read(batch(new Object[] {"compute.trainingDomesticShare", "green.energySavingPercent"},
                new Object[] {new Percent(0.72), new Percent(0.22)})).app();
        assertThat(app.get("compute.trainingDomesticShare")).isEqualTo(0.72);
        assertThat(app.get("green.energySavingPercent")).isEqualTo(22.0);
    }

    @Test
    void readWhenBooleansAreWrittenInAnyAcceptedFormShouldGiveBooleans() throws Exception {
        Application app = read(batch(new Object[] {"green.greenFactory", "green.greenSupplyChain", "innovation.openSource",
            "innovation.openCall", "safety.securityAssessment", "compute.cloudEdgeDevice"},
                new Object[] {"是", "否", "Y", 0, true, "false"})).app();
        assertThat(List.of(app.get("green.greenFactory"), app.get("green.greenSupplyChain"), app.get("innovation.openSource"),
                app.get("innovation.openCall"), app.get("safety.securityAssessment"), app.get("compute.cloudEdgeDevice")))
                .containsExactly(true, false, true, false, true, false);
    }

    @Test
    void readWhenBooleanIsNotRecognisedShouldReportTheCell() throws Exception {
        Read r = read(batch(new Object[] {"green.greenFactory"}, new Object[] {"maybe"}));
        assertThat(r.problems()).containsExactly("batch.xlsx, sheet 申报表, row 2, column green.greenFactory: "
                + "expected 是/否, TRUE/FALSE, Y/N or 1/0, found the text \"maybe\"");
    }

    @Test
    void readWhenNumbersAreStoredAsTextShouldReadNumbers() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("text.xlsx"), "S", HEAD,
                new Object[] {"N-1", "T", "C", "1,200", " 300 ", null});
        Application app = read(file).app();
        assertThat(app.get("budget.total")).isEqualTo(1200.0);
        assertThat(app.get("budget.requested")).isEqualTo(300.0);
    }

    @Test
    void readWhenNumberColumnHoldsWordsShouldReportSheetRowAndColumn() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("bad.xlsx"), "申报表", HEAD,
                new Object[] {"B-1", "T", "C", "lots", 300});
        assertThat(read(file).problems()).containsExactly(
                "bad.xlsx, sheet 申报表, row 2, column budget.total: expected a number, found the text \"lots\"");
    }

    @Test
    void readWhenListsUseAnySeparatorShouldSplitThem() throws Exception {
        Application app = read(batch(new Object[] {"techAreas", "scenario.manufacturingStages"},
                new Object[] {"AI_CHIP、 foundation model，Agents\nDATASET", "研发设计; production"})).app();
        assertThat(app.codes("techAreas")).containsExactly("AI_CHIP", "FOUNDATION_MODEL", "AGENT", "DATASET");
        assertThat(app.codes("scenario.manufacturingStages")).containsExactly("RND_DESIGN", "PRODUCTION");
    }

    @Test
    void readWhenChipInventoryIsOneCellShouldGiveChipList() throws Exception {
        Application app = read(batch(new Object[] {"compute.chips"},
                new Object[] {"Ascend 910B*512; NVIDIA A800 * 64\nMLU370-X8×16"})).app();
        assertThat(app.items("compute.chips")).containsExactly(Map.of("model", "Ascend 910B", "count", 512),
                Map.of("model", "NVIDIA A800", "count", 64), Map.of("model", "MLU370-X8", "count", 16));
    }

    @Test
    void readWhenChipHasNoCountShouldReportTheItem() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("chips.xlsx"), "申报表", concat(HEAD, new Object[] {"compute.chips"}),
                null, null, null, null, null,
                new Object[] {"C-1", "T", "C", 100, 50, "Ascend 910B*512; NVIDIA A800"});
        assertThat(read(file).problems()).containsExactly("chips.xlsx, sheet 申报表, row 7, column compute.chips: "
                + "item 2 \"NVIDIA A800\" has no count; write each chip as model*count, separated by ; "
                + "(e.g. Ascend 910B*512; NVIDIA A800*64)");
    }

    @Test
    void readWhenChipCountIsNotAWholeNumberShouldReportTheItemFromTheValidator() throws Exception {
        Read r = read(batch(new Object[] {"compute.chips"}, new Object[] {"Ascend 910B*many"}));
        assertThat(r.problems()).containsExactly("batch.xlsx, sheet 申报表, row 2, column compute.chips: "
                + "item 1 \"Ascend 910B*many\" has no count; write each chip as model*count, separated by ; "
                + "(e.g. Ascend 910B*512; NVIDIA A800*64)");
    }

    @Test
    void readWhenRequiredFieldIsMissingShouldNameTheColumnAndKeepReadingOtherRows() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("req.xlsx"), "S", HEAD,
                new Object[] {"R-1", null, "C", 100, 50},
                new Object[] {"R-2", "T", "C", 100, 50});
        Read r = read(file);
        assertThat(r.problems()).containsExactly("req.xlsx, sheet S, row 2, column title: required: a non-empty text");
        assertThat(r.rejected().get(0).location()).isEqualTo(new Location.InSheet("req.xlsx", "S", 2, null, null, null,
                null, null));
        assertThat(r.rejected().get(0).applicationId()).isEqualTo("R-1");
        assertThat(r.accepted()).extracting(s -> s.application().applicationId()).containsExactly("R-2");
    }

    @Test
    void readWhenColumnIsNotInTheSheetShouldSaySo() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("nocol.xlsx"), "S",
                new Object[] {"applicationId", "title", "applicant.name", "budget.total"},
                new Object[] {"R-1", "T", "C", 100});
        assertThat(read(file).problems()).containsExactly(
                "nocol.xlsx, sheet S, row 2, field budget.requested: required: an amount in 万元 greater than 0");
    }

    @Test
    void readWhenEnumIsUnknownShouldReportAllowedValuesAtTheCell() throws Exception {
        Read r = read(batch(new Object[] {"申报单位类型"}, new Object[] {"startup"}));
        // "申报单位类型" is not a label: it is warned about and ignored
        assertThat(r.warningLines()).containsExactly(
                "batch.xlsx, sheet 申报表, column 申报单位类型 (F): unknown column, ignored: it is not a field of the application");
        Read typed = read(batch(new Object[] {"单位类型"}, new Object[] {"startup"}));
        assertThat(typed.problems()).containsExactly("batch.xlsx, sheet 申报表, row 2, column \"单位类型\" (applicant.type): "
                + "unknown value \"startup\"; expected one of ENTERPRISE, UNIVERSITY, RESEARCH_INSTITUTE, CONSORTIUM");
        assertThat(typed.rejected().get(0).problems().stream().map(p -> Fixtures.ruleBase().problemTexts().line(p, "zh")))
                .containsExactly("batch.xlsx，工作表“申报表”，第 2 行，“单位类型”列（F）：未知取值“startup”，可选：企业、高校、科研院所、联合体");
    }

    @Test
    void readWhenEnumIsWrittenAsChineseNameShouldGiveTheCode() throws Exception {
        Application app = read(batch(new Object[] {"applicant.type", "scenario.sector"}, new Object[] {"高校", "Healthcare"})).app();
        assertThat(app.get("applicant.type")).isEqualTo("UNIVERSITY");
        assertThat(app.get("scenario.sector")).isEqualTo("HEALTHCARE");
    }

    @Test
    void readWhenFormulaHasCachedValueShouldUseIt() throws Exception {
        Application app = read(batch(new Object[] {"budget.selfFunded"}, new Object[] {new Formula("600+100", true)})).app();
        assertThat(app.get("budget.selfFunded")).isEqualTo(700.0);
    }

    @Test
    void readWhenFormulaHasNoCachedValueShouldWarnAndReadItAsEmpty() throws Exception {
        Read r = read(batch(new Object[] {"budget.selfFunded"}, new Object[] {new Formula("600+100", false)}));
        assertThat(r.app().get("budget.selfFunded")).isNull();
        assertThat(r.warningLines()).containsExactly(
                "batch.xlsx, sheet 申报表, row 2, column budget.selfFunded: a formula saved without its value (the "
                        + "workbook was not recalculated); read as empty: open and save it in Excel or LibreOffice");
    }

    @Test
    void readWhenDateIsInANumberColumnShouldReportTheDate() throws Exception {
        Read r = read(batch(new Object[] {"budget.months"}, new Object[] {LocalDate.of(2026, 3, 1)}));
        assertThat(r.problems()).containsExactly(
                "batch.xlsx, sheet 申报表, row 2, column budget.months: expected a whole number, found the date 2026-03-01");
    }

    @Test
    void readWhenDateIsInATextColumnShouldGiveIsoDate() throws Exception {
        Application app = read(batch(new Object[] {"applicant.region"}, new Object[] {LocalDate.of(2026, 3, 1)})).app();
        assertThat(app.get("applicant.region")).isEqualTo("2026-03-01");
    }

    @Test
    void readWhenBlankRowsSitBetweenApplicationsShouldSkipThem() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("blank.xlsx"), "S", HEAD,
                new Object[] {"B-1", "T", "C", 100, 50}, null, new Object[] {" ", "", null, null, null},
                new Object[] {"B-2", "T", "C", 100, 50});
        Read r = read(file);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.accepted()).extracting(s -> ((Location.InSheet) s.location()).row()).containsExactly(2, 5);
    }

    @Test
    void readWhenCellsAreMergedDownAColumnShouldGiveEveryRowTheValue() throws Exception {
        Path file = dir.resolve("merged.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var s = wb.createSheet("S");
            TestWorkbooks.fill(wb, s, concat(HEAD, new Object[] {"applicant.region"}),
                    new Object[] {"M-1", "T", "C", 100, 50, "浙江省"}, new Object[] {"M-2", "T", "C", 100, 50});
            s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 2, 5, 5));
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        assertThat(read(file).accepted()).extracting(a -> a.application().get("applicant.region"))
                .containsExactly("浙江省", "浙江省");
    }

    @Test
    void readWhenUnknownColumnsArePresentShouldWarnAndStillRead() throws Exception {
        Read r = read(batch(new Object[] {"备注 Notes"}, new Object[] {"anything"}));
        assertThat(r.accepted()).hasSize(1);
        assertThat(r.warnings()).extracting(p -> Fixtures.ruleBase().problemTexts().message(p, "en"))
                .containsExactly("unknown column, ignored: it is not a field of the application");
    }

    @Test
    void readWhenWorkbookIsXlsShouldReadLikeXlsx() throws Exception {
        Path file = TestWorkbooks.xls(dir.resolve("old.xls"), "S", concat(HEAD, new Object[] {"compute.trainingDomesticShare"}),
                new Object[] {"X-1", "T", "C", 100, 50, new Percent(0.6)});
        Application app = read(file).app();
        assertThat(app.get("compute.trainingDomesticShare")).isEqualTo(0.6);
    }

    @Test
    void readWhenFormSheetIsFilledShouldReadOneApplication() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("form.xlsx"), "申报表 Form",
                new Object[] {"项目申报表"},
                new Object[] {"项目 / Item", "填写 / Value", "说明 / Help"},
                new Object[] {"申报编号 / Application ID *", "F-1", "help"},
                new Object[] {"项目名称 / Project title *", "Form project", "help"},
                new Object[] {"申报单位名称 / Applicant name *", "Form company"},
                new Object[] {"总预算(万元) / Total budget (10k CNY) *", 500},
                new Object[] {"申请资金(万元) / Funding requested (10k CNY) *", "lots", "help"});
        Read r = read(file);
        assertThat(r.problems()).containsExactly("form.xlsx, sheet 申报表 Form, row 7, field \"申请资金(万元) / Funding "
                + "requested (10k CNY) *\" (budget.requested): expected a number, found the text \"lots\"");
        assertThat(r.rejected().get(0).applicationId()).isEqualTo("F-1");
    }

    @Test
    void readWhenNoSheetHoldsApplicationsShouldRefuseWithNoApplications() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("other.xlsx"), "Prices", new Object[] {"item", "price"},
                new Object[] {"tea", 3});
        assertThatThrownBy(() -> read(file)).isInstanceOf(WorkbookException.class)
                .hasMessage("other.xlsx: no applications found: no sheet has field headers (e.g. applicationId, title, "
                        + "applicant.name) in its first row, and there is no filled form sheet; sheets read: Prices")
                .extracting(e -> ((WorkbookException) e).kind()).isEqualTo(WorkbookException.Kind.NO_APPLICATIONS);
    }

    @Test
    void readWhenTextFileIsNamedXlsxShouldRefuseAsNotAWorkbook() throws Exception {
        Path file = Files.writeString(dir.resolve("data.xlsx"), "applicationId,title\nA,B\n");
        assertThatThrownBy(() -> read(file)).isInstanceOf(WorkbookException.class)
                .hasMessage("data.xlsx: not an Excel workbook: it is plain text (CSV or tab-separated?); open it in "
                        + "Excel or LibreOffice and save it as .xlsx");
    }

    @Test
    void readWhenFileIsTruncatedShouldRefuseAsDamaged() throws Exception {
        Path whole = batch(new Object[] {}, new Object[] {});
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> read(cut)).isInstanceOf(WorkbookException.class)
                .hasMessageStartingWith("cut.xlsx: damaged")
                .extracting(e -> ((WorkbookException) e).kind()).isEqualTo(WorkbookException.Kind.DAMAGED);
    }

    @Test
    void readWhenManyRowsShouldStreamThemAll() throws Exception {
        Object[][] rows = new Object[3_001][];
        rows[0] = HEAD;
        for (int i = 1; i < rows.length; i++) {
            rows[i] = new Object[] {"S-" + i, "T", "C", 100, 50};
        }
        Read r = read(TestWorkbooks.xlsx(dir.resolve("many.xlsx"), "S", rows));
        assertThat(r.accepted()).hasSize(3_000);
        assertThat(r.accepted().get(2_999).location()).isEqualTo(new Location.InSheet("many.xlsx", "S", 3001, null, null,
                null, null, null));
    }
}
