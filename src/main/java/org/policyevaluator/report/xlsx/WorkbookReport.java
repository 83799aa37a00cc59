package org.policyevaluator.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.ProblemTexts;
import org.policyevaluator.report.CatalogueReport;
import org.policyevaluator.report.RankedRow;
import org.policyevaluator.report.StableZip;

/**
 * The evaluation report as a workbook: ranking (frozen header, filters, colour scales on the scores),
 * findings, gates and flags, rejected applications with warnings, the rule catalogue, and a bar chart of
 * the dimension scores. Rows are streamed (SXSSF), so a batch of 100,000 applications fits a modest
 * heap; a sheet that would pass Excel's row limit continues on a numbered sheet. Text is only ever
 * written as text: one from a user that starts with = + - or @ is also marked quote-prefixed, so that
 * no spreadsheet program takes it for a formula.
 */
public final class WorkbookReport {
    /** Rows per sheet including the header: Excel's limit. */
    static final int EXCEL_MAX_ROWS = 1_048_576;
    static final String RANKING = "排名 Ranking";
    static final String FINDINGS = "得分明细 Findings";
    static final String GATES = "资格与提示 Gates & flags";
    static final String POINTS = "各规则得分 Points by rule";
    static final String REJECTED = "拒收与警告 Rejected";
    static final String RULES = "规则目录 Rules";
    static final String CHART = "图表 Chart";
    static final int CHART_APPLICATIONS = 20;
    private static final byte[][] SERIES_COLORS = {
        {(byte) 0x44, (byte) 0x72, (byte) 0xC4}, {(byte) 0xED, (byte) 0x7D, (byte) 0x31}, {(byte) 0x70, (byte) 0xAD, (byte) 0x47},
        {(byte) 0xFF, (byte) 0xC0, (byte) 0x00}, {(byte) 0x5B, (byte) 0x9B, (byte) 0xD5}, {(byte) 0xA5, (byte) 0xA5, (byte) 0xA5}};

    private final boolean en;
    private final int maxRows;
    private final int detailLimit;

    public WorkbookReport(String lang) {
        this(lang, EXCEL_MAX_ROWS);
    }

    WorkbookReport(String lang, int maxRows) {
        this(lang, maxRows, DETAIL_LIMIT);
    }

    WorkbookReport(String lang, int maxRows, int detailLimit) {
        this.en = "en".equals(lang);
        this.maxRows = maxRows;
        this.detailLimit = detailLimit;
    }

    /**
     * Writes the report from rows in rank order and the same evaluations, in the same order, read once:
     * a large batch streams its evaluations from disk through here.
     */
    public void write(List<RankedRow> rows, Iterable<Evaluation> evaluationsInRankOrder,
                      List<ProblemTexts.RejectedView> rejectedApplications, List<ProblemTexts.View> warnings,
                      CatalogueReport.Catalogue catalogue, OutputStream out) throws IOException {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (RankedRow r : rows) {
            r.dimensionNames().forEach(dimensions::putIfAbsent);
        }
        XSSFWorkbook base = new XSSFWorkbook();
        // the same evaluations give the same bytes: no time of writing in the properties or the ZIP
        base.getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(StableZip.FIXED_TIME)));
        base.getProperties().getCoreProperties().setCreator("Policy Evaluator");
        // the chart sheet is small and built with the full model (charts need it); the rest is streamed
        chart(base, rows, dimensions);
        SXSSFWorkbook wb = new FastZipWorkbook(base, 200);
        try {
            Styles st = new Styles(wb);
            ranking(wb, st, rows, dimensions);
            if (rows.size() <= detailLimit) {
                details(wb, st, evaluationsInRankOrder);
            } else {
                summary(wb, st, evaluationsInRankOrder, catalogue);
            }
            rejected(wb, st, rejectedApplications, warnings);
            rules(wb, st, catalogue);
            wb.setSheetOrder(CHART, wb.getNumberOfSheets() - 1);
            wb.setActiveSheet(0);
            wb.setSelectedTab(0);
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private void ranking(SXSSFWorkbook wb, Styles st, List<RankedRow> ranked, Map<String, String> dims) {
        List<String> head = new ArrayList<>(List.of("名次 Rank", "编号 ID", "项目名称 Title", "申报单位 Applicant",
                "专项 Programme", "总分 Total", "满分 Max", "等级 Grade", "合格 Eligible", "按申报计 As declared",
                "需复核 Review"));
        dims.values().forEach(head::add);
        head.add("提示数 Flags");
        SXSSFSheet s = wb.createSheet(RANKING);
        header(s, st, head);
        int r = 1;
        for (RankedRow e : ranked) {
            Row row = s.createRow(r++);
            int c = 0;
            if (e.rank() != null) {
                cell(row, c, st).setCellValue(e.rank());
            }
            c++;
            text(row, c++, e.applicationId(), st);
            text(row, c++, e.title(), st);
            text(row, c++, e.applicant(), st);
            text(row, c++, e.program(), st);
            number(row, c++, e.totalScore(), st);
            number(row, c++, e.maxScore(), st);
            text(row, c++, e.grade(), st);
            text(row, c++, e.eligible() ? t("是", "yes") : t("否", "no"), st);
            if (e.declaredScore() != null) {
                number(row, c, e.declaredScore(), st);
            }
            c++;
            text(row, c++, e.reviewRequired() ? t("是", "yes") : t("否", "no"), st);
            for (String d : dims.keySet()) {
                number(row, c++, e.dimensionScore(d), st);
            }
            cell(row, c, st).setCellValue(e.flags());
        }
        s.createFreezePane(2, 1);
        int lastRow = Math.max(1, r - 1);
        s.setAutoFilter(new CellRangeAddress(0, lastRow, 0, head.size() - 1));
        if (r > 1) {
            SheetConditionalFormatting cf = s.getSheetConditionalFormatting();
            ConditionalFormattingRule rule = cf.createConditionalFormattingColorScaleRule();
            ColorScaleFormatting scale = rule.getColorScaleFormatting();
            scale.getThresholds()[0].setRangeType(RangeType.MIN);
            scale.getThresholds()[1].setRangeType(RangeType.PERCENTILE);
            scale.getThresholds()[1].setValue(50d);
            scale.getThresholds()[2].setRangeType(RangeType.MAX);
            scale.setColors(new org.apache.poi.ss.usermodel.Color[] {rgb(0xF8, 0x69, 0x6B), rgb(0xFF, 0xEB, 0x84),
                rgb(0x63, 0xBE, 0x7B)});
            cf.addConditionalFormatting(new CellRangeAddress[] {
                new CellRangeAddress(1, r - 1, 5, 5),
                new CellRangeAddress(1, r - 1, 11, 11 + dims.size() - 1)}, rule);
        }
        widths(s, 8, 18, 40, 30, 12, 10, 10, 8, 10);
    }

    /**
     * Beyond this many applications the report summarises: one row per finding would run to millions of
     * rows (about 15 per application), which no reviewer reads in a workbook; the JSON output keeps them all.
     */
    public static final int DETAIL_LIMIT = 10_000;

    /**
     * The summary of a large batch: a points-by-rule matrix (one row per application, one column per
     * score rule) and only the gates that failed and the flags raised.
     */
    private void summary(SXSSFWorkbook wb, Styles st, Iterable<Evaluation> ranked, CatalogueReport.Catalogue catalogue) {
        List<String> ruleIds = catalogue.rules().stream().filter(r -> "score".equals(r.kind())).map(CatalogueReport.Entry::id)
                .toList();
        List<String> head = new ArrayList<>(List.of("编号 ID"));
        head.addAll(ruleIds);
        int[] widths = new int[head.size()];
        java.util.Arrays.fill(widths, 9);
        widths[0] = 18;
        Split points = new Split(wb, st, POINTS, head, widths);
        Split g = new Split(wb, st, GATES, List.of("编号 ID", "类别 Kind", "规则 Rule", "结果 Outcome",
                "说明 Reason", "条款 Clause", "原文 Quote"), 18, 10, 10, 12, 80, 12, 60);
        Map<String, Integer> column = new java.util.HashMap<>();
        for (int i = 0; i < ruleIds.size(); i++) {
            column.put(ruleIds.get(i), i + 1);
        }
        for (Evaluation e : ranked) {
            Row row = points.next();
            text(row, 0, e.applicationId(), st);
            for (var f : e.findings()) {
                Integer c = column.get(f.ruleId());
                if (c != null) {
                    cell(row, c, st).setCellValue(f.points().doubleValue());
                }
            }
            for (var gate : e.gates()) {
                if (!gate.passed()) {
                    gate(g, st, e, gate);
                }
            }
            flags(g, st, e);
        }
        points.finish();
        g.finish();
    }

    /** The findings sheet and the gates-and-flags sheet, filled in one pass over the evaluations. */
    private void details(SXSSFWorkbook wb, Styles st, Iterable<Evaluation> ranked) {
        Split s = new Split(wb, st, FINDINGS, List.of("编号 ID", "规则 Rule", "规则名称 Rule title", "维度 Dimension",
                "得分 Points", "满分 Max", "理由 Reason", "条款 Clause", "原文 Quote"), 18, 10, 40, 18, 8, 8, 70, 12, 60);
        Split g = new Split(wb, st, GATES, List.of("编号 ID", "类别 Kind", "规则 Rule", "结果 Outcome",
                "说明 Reason", "条款 Clause", "原文 Quote"), 18, 10, 10, 12, 80, 12, 60);
        for (Evaluation e : ranked) {
            findings(s, st, e);
            gates(g, st, e);
        }
        s.finish();
        g.finish();
    }

    private void findings(Split s, Styles st, Evaluation e) {
        for (var f : e.findings()) {
            Row row = s.next();
            text(row, 0, e.applicationId(), st);
            text(row, 1, f.ruleId(), st);
            text(row, 2, f.title(), st);
            text(row, 3, f.dimension(), st);
            number(row, 4, f.points(), st);
            number(row, 5, f.maxPoints(), st);
            text(row, 6, f.reason(), st);
            text(row, 7, ids(f.clauses()), st);
            text(row, 8, quotes(f.clauses()), st);
        }
    }

    private void gates(Split s, Styles st, Evaluation e) {
        for (var g : e.gates()) {
            gate(s, st, e, g);
        }
        flags(s, st, e);
        pending(s, st, e);
    }

    /** Points left out of the total until evidence is given or a reviewer clears a flag. */
    private void pending(Split s, Styles st, Evaluation e) {
        if (e.pending() == null) {
            return;
        }
        for (var p : e.pending()) {
            Row row = s.next();
            text(row, 0, e.applicationId(), st);
            text(row, 1, t("待核实", "pending"), st);
            text(row, 2, p.ruleId(), st);
            text(row, 3, p.points().toPlainString(), st);
            text(row, 4, p.title() + ": " + p.reason(), st);
        }
    }

    private void gate(Split s, Styles st, Evaluation e, Evaluation.GateResult g) {
        Row row = s.next();
        text(row, 0, e.applicationId(), st);
        text(row, 1, t("资格", "gate"), st);
        text(row, 2, g.ruleId(), st);
        text(row, 3, g.passed() ? t("通过", "passed") : t("未通过", "FAILED"), st);
        text(row, 4, g.title() + ": " + g.reason(), st);
        text(row, 5, ids(g.clauses()), st);
        text(row, 6, quotes(g.clauses()), st);
    }

    private void flags(Split s, Styles st, Evaluation e) {
        for (var f : e.flags()) {
            Row row = s.next();
            text(row, 0, e.applicationId(), st);
            text(row, 1, t("提示", "flag"), st);
            text(row, 2, f.ruleId(), st);
            text(row, 3, f.severity(), st);
            text(row, 4, f.message(), st);
            text(row, 5, ids(f.clauses()), st);
            text(row, 6, quotes(f.clauses()), st);
        }
    }

    private void rejected(SXSSFWorkbook wb, Styles st, List<ProblemTexts.RejectedView> rejected,
                          List<ProblemTexts.View> warnings) {
        Split s = new Split(wb, st, REJECTED, List.of("类别 Kind", "文件 File", "位置 Location", "编号 ID",
                "问题位置 Where", "问题 Problem"), 10, 30, 24, 18, 50, 80);
        for (ProblemTexts.RejectedView r : rejected) {
            for (ProblemTexts.View p : r.problems()) {
                Row row = s.next();
                text(row, 0, t("拒收", "rejected"), st);
                text(row, 1, r.source(), st);
                text(row, 2, r.location(), st);
                text(row, 3, r.applicationId(), st);
                text(row, 4, p.location(), st);
                text(row, 5, p.message(), st);
            }
        }
        for (ProblemTexts.View w : warnings) {
            Row row = s.next();
            text(row, 0, t("警告", "warning"), st);
            text(row, 4, w.location(), st);
            text(row, 5, w.message(), st);
        }
        s.finish();
    }

    private void rules(SXSSFWorkbook wb, Styles st, CatalogueReport.Catalogue catalogue) {
        Split s = new Split(wb, st, RULES, List.of("规则 Rule", "类别 Kind", "维度 Dimension", "满分 Max points",
                "级别 Severity", "名称", "Title", "条款 Clause", "原文 Quote", "文件 File"), 10, 8, 18, 10, 10, 40, 40, 12, 60, 30);
        for (CatalogueReport.Entry e : catalogue.rules()) {
            Row row = s.next();
            text(row, 0, e.id(), st);
            text(row, 1, e.kind(), st);
            text(row, 2, e.dimension(), st);
            number(row, 3, e.maxPoints(), st);
            text(row, 4, e.severity(), st);
            text(row, 5, e.titleZh(), st);
            text(row, 6, e.titleEn(), st);
            text(row, 7, ids(e.clauses()), st);
            text(row, 8, quotes(e.clauses()), st);
            text(row, 9, e.file(), st);
        }
        s.finish();
    }

    /** The top applications' dimension scores as a clustered bar chart, on its own small sheet (its own printed page). */
    private void chart(XSSFWorkbook wb, List<RankedRow> ranked, Map<String, String> dims) {
        XSSFSheet s = wb.createSheet(CHART);
        printable(s);
        s.getPrintSetup().setFitHeight((short) 1);
        Row head = s.createRow(0);
        head.createCell(0).setCellValue("编号 ID");
        int c = 1;
        for (String name : dims.values()) {
            head.createCell(c++).setCellValue(name);
        }
        List<RankedRow> top = ranked.subList(0, Math.min(CHART_APPLICATIONS, ranked.size()));
        for (int i = 0; i < top.size(); i++) {
            Row row = s.createRow(i + 1);
            row.createCell(0).setCellValue(top.get(i).applicationId());
            int col = 1;
            for (String d : dims.keySet()) {
                row.createCell(col++).setCellValue(top.get(i).dimensionScore(d).doubleValue());
            }
        }
        s.setColumnWidth(0, 20 * 256);
        if (top.isEmpty() || dims.isEmpty()) {
            return;
        }
        XSSFDrawing drawing = s.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, dims.size() + 2, 0, dims.size() + 16, 28);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(t("各维度得分（前 ", "Dimension scores (top ") + top.size() + t(" 名）", ")"));
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setTitle(t("得分", "points"));
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setCrossBetween(AxisCrossBetween.BETWEEN);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        // clustered: a stacked chart needs c:overlap, whose schema type poi-ooxml-lite does not carry
        data.setBarGrouping(BarGrouping.CLUSTERED);
        var categories = XDDFDataSourcesFactory.fromStringCellRange(s, new CellRangeAddress(1, top.size(), 0, 0));
        for (int d = 0; d < dims.size(); d++) {
            var values = XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(1, top.size(), d + 1, d + 1));
            var series = data.addSeries(categories, values);
            series.setTitle(head.getCell(d + 1).getStringCellValue(), new CellReference(CHART, 0, d + 1, true, true));
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(SERIES_COLORS[d % SERIES_COLORS.length])));
        }
        chart.plot(data);
    }

    /** A sheet that continues on "name (2)", "name (3)"… when Excel's row limit is reached. */
    private final class Split {
        private final SXSSFWorkbook wb;
        private final Styles st;
        private final String name;
        private final List<String> head;
        private final int[] widths;
        private SXSSFSheet sheet;
        private int part;
        private int row;

        Split(SXSSFWorkbook wb, Styles st, String name, List<String> head, int... widths) {
            this.wb = wb;
            this.st = st;
            this.name = name;
            this.head = head;
            this.widths = widths;
            open();
        }

        private void open() {
            finish();
            part++;
            sheet = wb.createSheet(part == 1 ? name : name + " (" + part + ")");
            header(sheet, st, head);
            sheet.createFreezePane(0, 1);
            widths(sheet, widths);
            row = 1;
        }

        Row next() {
            if (row >= maxRows) {
                open();
            }
            return sheet.createRow(row++);
        }

        void finish() {
            if (sheet != null) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, row - 1), 0, head.size() - 1));
            }
        }
    }

    private static void header(Sheet s, Styles st, List<String> head) {
        Row row = s.createRow(0);
        for (int i = 0; i < head.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(head.get(i));
            c.setCellStyle(st.header);
        }
        printable(s);
        s.setRepeatingRows(CellRangeAddress.valueOf("1:1")); // the header on every printed page
    }

    /** Printed landscape on A4, as wide as the page, as many pages long as it takes. */
    static void printable(Sheet s) {
        s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        s.getPrintSetup().setLandscape(true);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
    }

    private static void widths(Sheet s, int... widths) {
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
    }

    /** Text, never a formula: one that a spreadsheet could read as a formula is quote-prefixed as well. */
    static void text(Row row, int col, String value, Styles st) {
        if (value == null) {
            return;
        }
        Cell c = cell(row, col, st);
        c.setCellValue(value.length() > 32_767 ? value.substring(0, 32_766) + "…" : value);
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            c.setCellStyle(st.literal);
        }
    }

    /**
     * A cell with the plain style set: a streamed cell without one looks up its column's default style
     * in the sheet's XML for every cell written (measured: a third of writing a 100,000-row report).
     */
    private static Cell cell(Row row, int col, Styles st) {
        Cell c = row.createCell(col);
        c.setCellStyle(st.plain);
        return c;
    }

    private static void number(Row row, int col, BigDecimal value, Styles st) {
        if (value != null) {
            Cell c = row.createCell(col);
            c.setCellValue(value.doubleValue());
            c.setCellStyle(st.score);
        }
    }

    private static XSSFColor rgb(int r, int g, int b) {
        return new XSSFColor(new byte[] {(byte) r, (byte) g, (byte) b}, null);
    }

    private static String ids(List<Evaluation.ClauseRef> refs) {
        return String.join("\n", refs.stream().map(Evaluation.ClauseRef::id).toList());
    }

    private static String quotes(List<Evaluation.ClauseRef> refs) {
        return String.join("\n", refs.stream().map(r -> r.id() + " “" + r.quote() + "”").toList());
    }

    private String t(String zh, String english) {
        return en ? english : zh;
    }

    /**
     * Deflates the finished workbook at the fastest level: the sheets' XML compresses almost as well, and
     * a 100,000-application report is written in a fraction of the time.
     */
    private static final class FastZipWorkbook extends SXSSFWorkbook {
        FastZipWorkbook(XSSFWorkbook base, int window) {
            super(base, window);
        }

        @Override
        protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(out) {
                @Override
                public void putArchiveEntry(org.apache.commons.compress.archivers.zip.ZipArchiveEntry entry)
                        throws IOException {
                    entry.setTime(StableZip.FIXED_TIME);
                    super.putArchiveEntry(entry);
                }
            };
            zip.setUseZip64(org.apache.commons.compress.archivers.zip.Zip64Mode.AsNeeded);
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            return zip;
        }
    }

    static final class Styles {
        final CellStyle header;
        final CellStyle literal;
        final CellStyle score;
        final CellStyle plain;

        Styles(SXSSFWorkbook wb) {
            plain = wb.getCellStyleAt(0);
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            literal = wb.createCellStyle();
            literal.setQuotePrefixed(true);
            score = wb.createCellStyle();
            score.setDataFormat(wb.createDataFormat().getFormat("0.##"));
        }
    }
}
