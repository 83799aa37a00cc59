package org.policyevaluator.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.policyevaluator.evaluation.Evaluation;

/**
 * One application's evaluation as a print-ready Word document (A4), in Chinese or English: the programme,
 * applicant and title; the scores by dimension with a chart; gates, flags and what needs review; every finding
 * with its clause quotes; the points withheld and the evidence they wait for; and, for a panel, each reviewer's
 * scores and comment and the consensus. Without a panel it is the applicant's self-assessment report. The same
 * evaluation gives the same bytes (fixed document properties).
 */
public final class DocxReport {
    /** What a panel has on the application: the reviews submitted and the consensus, if any. */
    public record PanelPart(List<Reviewer> reviews, Reviewer consensus) {
    }

    /** A reviewer's (or the chair's consensus) scores by dimension id, total, recommendation and comment. */
    public record Reviewer(String who, Map<String, BigDecimal> dimensions, BigDecimal total, String recommendation,
                           String comment) {
    }

    private static final java.util.Date FIXED = new java.util.Date(StableZip.FIXED_TIME);
    private final boolean en;

    public DocxReport(String lang) {
        this.en = "en".equals(lang);
    }

    private String t(String zh, String english) {
        return en ? english : zh;
    }

    public byte[] write(Evaluation e, String programmeName, PanelPart panel) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            a4(doc);
            boolean summary = panel != null && (!panel.reviews().isEmpty() || panel.consensus() != null);
            heading(doc, summary ? t("评审汇总报告", "Evaluation summary report") : t("自评估报告", "Self-assessment report"), 18);
            table(doc, List.of(
                    List.of(t("项目类别", "Programme"), programmeName),
                    List.of(t("申报单位", "Applicant"), e.applicant() == null ? "" : e.applicant()),
                    List.of(t("项目名称", "Title"), e.title() == null ? "" : e.title()),
                    List.of(t("申报编号", "Application"), e.applicationId()),
                    List.of(t("总分", "Total"), plain(e.totalScore()) + " / " + plain(e.maxScore())),
                    List.of(t("等级", "Grade"), e.grade()),
                    List.of(t("资格", "Eligibility"), e.eligible() ? t("符合资格", "eligible") : t("不符合资格", "not eligible")),
                    List.of(t("名次", "Rank"), e.rank() == null ? "—" : String.valueOf(e.rank())),
                    List.of(t("规则版本", "Ruleset"), e.rulesetVersion())), true);

            heading(doc, t("各维度得分", "Scores by dimension"), 14);
            List<List<String>> dims = new ArrayList<>();
            dims.add(List.of(t("维度", "Dimension"), t("得分", "Score"), t("满分", "Maximum")));
            e.dimensions().forEach(d -> dims.add(List.of(d.name(), plain(d.score()), plain(d.maxScore()))));
            table(doc, dims, false);
            chart(doc, e);

            heading(doc, t("资格审查", "Gates"), 14);
            List<List<String>> gates = new ArrayList<>();
            gates.add(List.of(t("规则", "Rule"), t("结果", "Result"), t("说明", "Reason")));
            e.gates().forEach(g -> gates.add(List.of(g.ruleId() + " " + g.title(), g.passed() ? t("通过", "passed")
                    : t("未通过", "failed"), g.reason())));
            table(doc, gates, false);

            heading(doc, t("提示与待复核事项", "Flags and what needs review"), 14);
            if (e.review() != null && e.review().required()) {
                paragraph(doc, t("需评审核实：", "Review required: ") + String.join(t("；", "; "), e.review().reasons()));
            }
            if (e.flags().isEmpty()) {
                paragraph(doc, t("无", "None"));
            }
            e.flags().forEach(f -> paragraph(doc, f.ruleId() + " " + f.message() + quotes(f.clauses())));

            heading(doc, t("得分明细", "Findings"), 14);
            e.findings().forEach(f -> paragraph(doc, "+" + plain(f.points()) + "  " + f.ruleId() + " " + f.title() + t("：", ": ")
                    + f.reason() + quotes(f.clauses())));

            heading(doc, t("待核实（未计入总分）", "Withheld until evidenced (not in the total)"), 14);
            if (e.pending() == null || e.pending().isEmpty()) {
                paragraph(doc, t("无", "None"));
            } else {
                e.pending().forEach(p -> paragraph(doc, "(" + plain(p.points()) + ")  " + p.ruleId() + " " + p.title()
                        + t("：", ": ") + p.reason()));
            }

            if (summary) {
                heading(doc, t("专家评审意见", "Reviewers' scores and comments"), 14);
                List<List<String>> rows = new ArrayList<>();
                List<String> head = new ArrayList<>(List.of(t("评审人", "Reviewer")));
                e.dimensions().forEach(d -> head.add(d.name()));
                head.addAll(List.of(t("总分", "Total"), t("推荐意见", "Recommendation")));
                rows.add(head);
                List<Reviewer> all = new ArrayList<>(panel.reviews());
                if (panel.consensus() != null) {
                    all.add(panel.consensus());
                }
                for (Reviewer r : all) {
                    List<String> row = new ArrayList<>(List.of(r == panel.consensus() ? t("合议", "Consensus") : r.who()));
                    e.dimensions().forEach(d -> row.add(plain(r.dimensions().getOrDefault(d.id(), BigDecimal.ZERO))));
                    row.add(plain(r.total()));
                    row.add(recommendation(r.recommendation()));
                    rows.add(row);
                }
                table(doc, rows, false);
                for (Reviewer r : all) {
                    if (r.comment() != null && !r.comment().isBlank()) {
                        paragraph(doc, (r == panel.consensus() ? t("合议意见", "Consensus") : r.who()) + t("：", ": ")
                                + r.comment());
                    }
                }
            }
            var core = doc.getProperties().getCoreProperties();
            core.setCreated(Optional.of(FIXED));
            core.setModified(Optional.of(FIXED));
            core.setCreator("Policy Evaluator");
            core.setTitle(e.applicationId());
            doc.write(out);
            return StableZip.of(out.toByteArray());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private String recommendation(String r) {
        if (r == null) {
            return "";
        }
        return switch (r) {
            case "FUND" -> t("资助", "fund");
            case "RESERVE" -> t("备选", "reserve");
            case "REJECT" -> t("不予资助", "reject");
            default -> r;
        };
    }

    private String quotes(List<Evaluation.ClauseRef> refs) {
        StringBuilder sb = new StringBuilder();
        for (var c : refs) {
            sb.append(sb.isEmpty() ? t("（依据：", " (basis: ") : t("；", "; ")).append(c.id()).append(" “").append(c.quote())
                    .append("”");
        }
        return sb.isEmpty() ? "" : sb.append(t("）", ")")).toString();
    }

    private static void a4(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906)); // A4 in twentieths of a point
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = sect.addNewPgMar();
        BigInteger inch = BigInteger.valueOf(1134); // 2 cm
        margins.setTop(inch);
        margins.setBottom(inch);
        margins.setLeft(inch);
        margins.setRight(inch);
    }

    private static XWPFRun run(XWPFParagraph p, String text) {
        XWPFRun r = p.createRun();
        r.setFontFamily("SimSun", XWPFRun.FontCharRange.eastAsia);
        r.setText(text);
        return r;
    }

    private static void heading(XWPFDocument doc, String text, int size) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(240);
        XWPFRun r = run(p, text);
        r.setBold(true);
        r.setFontSize(size);
    }

    private static void paragraph(XWPFDocument doc, String text) {
        run(doc.createParagraph(), text);
    }

    private static void table(XWPFDocument doc, List<List<String>> rows, boolean keyValue) {
        XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
        table.setWidth("100%");
        for (int i = 0; i < rows.size(); i++) {
            XWPFTableRow row = table.getRow(i);
            if (i == 0 && !keyValue) {
                row.setRepeatHeader(true);
            }
            for (int j = 0; j < rows.get(i).size(); j++) {
                XWPFParagraph p = row.getCell(j).getParagraphs().get(0);
                XWPFRun r = run(p, rows.get(i).get(j));
                r.setBold((i == 0 && !keyValue) || (keyValue && j == 0));
            }
        }
    }

    /** The scores against each dimension's maximum as a bar chart, its data kept in the chart's own sheet. */
    private void chart(XWPFDocument doc, Evaluation e) throws IOException {
        try {
            XWPFChart chart = doc.createChart(16 * Units.EMU_PER_CENTIMETER, 8 * Units.EMU_PER_CENTIMETER);
            int n = e.dimensions().size();
            String[] names = e.dimensions().stream().map(Evaluation.DimensionScore::name).toArray(String[]::new);
            Double[] scores = e.dimensions().stream().map(d -> d.score().doubleValue()).toArray(Double[]::new);
            Double[] maxima = e.dimensions().stream().map(d -> d.maxScore().doubleValue()).toArray(Double[]::new);
            XDDFCategoryDataSource cats = XDDFDataSourcesFactory.fromArray(names,
                    chart.formatRange(new CellRangeAddress(1, n, 0, 0)), 0);
            XDDFNumericalDataSource<Double> got = XDDFDataSourcesFactory.fromArray(scores,
                    chart.formatRange(new CellRangeAddress(1, n, 1, 1)), 1);
            XDDFNumericalDataSource<Double> max = XDDFDataSourcesFactory.fromArray(maxima,
                    chart.formatRange(new CellRangeAddress(1, n, 2, 2)), 2);
            chart.getWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(FIXED));
            XSSFSheet sheet = chart.getWorkbook().getSheetAt(0);
            XSSFRow head = sheet.createRow(0);
            head.createCell(0).setCellValue(t("维度", "Dimension"));
            head.createCell(1).setCellValue(t("得分", "Score"));
            head.createCell(2).setCellValue(t("满分", "Maximum"));
            for (int i = 0; i < n; i++) {
                XSSFRow row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(names[i]);
                row.createCell(1).setCellValue(scores[i]);
                row.createCell(2).setCellValue(maxima[i]);
            }
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
            y.setCrosses(AxisCrosses.AUTO_ZERO);
            y.setCrossBetween(AxisCrossBetween.BETWEEN);
            XDDFChartData data = chart.createData(ChartTypes.BAR, x, y);
            ((XDDFBarChartData) data).setBarDirection(BarDirection.COL);
            data.addSeries(cats, got).setTitle(t("得分", "Score"), new org.apache.poi.ss.util.CellReference(sheet.getSheetName(), 0, 1, true, true));
            data.addSeries(cats, max).setTitle(t("满分", "Maximum"), new org.apache.poi.ss.util.CellReference(sheet.getSheetName(), 0, 2, true, true));
            chart.plot(data);
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
            chart.setTitleText(t("各维度得分", "Scores by dimension"));
            chart.setTitleOverlay(false);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException ex) {
            throw new IOException(ex);
        }
    }

    private static String plain(BigDecimal b) {
        return b == null ? "" : b.stripTrailingZeros().toPlainString();
    }
}
