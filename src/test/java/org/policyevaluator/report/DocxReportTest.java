package org.policyevaluator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.JsonIntake;
import tools.jackson.databind.node.ObjectNode;

/** The per-application Word document read back with POI: its sections, scores, quotes, chart, page and bytes. */
public class DocxReportTest {

    static Evaluation evaluate(String sample, String lang) throws Exception {
        ObjectNode json = (ObjectNode) JsonIntake.mapper().readTree(
                Files.readString(Path.of("samples", sample), StandardCharsets.UTF_8));
        return TestSupport.EVALUATOR.evaluate(TestSupport.bind(json), "general", lang);
    }

    public static String text(XWPFDocument doc) {
        StringBuilder sb = new StringBuilder();
        for (XWPFParagraph p : doc.getParagraphs()) {
            sb.append(p.getText()).append('\n');
        }
        for (XWPFTable t : doc.getTables()) {
            sb.append(t.getText()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void writeWhenNoPanelShouldBeTheSelfAssessmentReportWithEverySectionOnA4() throws Exception {
        Evaluation e = evaluate("green-textile-factory.json", "zh");
        byte[] bytes = new DocxReport("zh").write(e, "通用人工智能创新项目", null);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            String text = text(doc);
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("自评估报告");
            assertThat(text).contains("通用人工智能创新项目", "绍兴绿纺科技有限公司", "GT-2026-013", "46.5 / 100",
                    "各维度得分", "资格审查", "提示与待复核事项", "得分明细", "待核实（未计入总分）");
            assertThat(text).doesNotContain("专家评审意见");
            // a finding with its points and the clause quote it rests on
            Evaluation.Finding gr = e.findings().stream().filter(f -> f.ruleId().equals("GR-040")).findFirst().orElseThrow();
            assertThat(text).contains("+" + gr.points().stripTrailingZeros().toPlainString() + "  GR-040 " + gr.title());
            assertThat(text).contains("B-3 “" + gr.clauses().get(0).quote() + "”");
            // the dimension table: each dimension's score and maximum
            XWPFTable dims = doc.getTables().get(1);
            assertThat(dims.getRow(0).getCell(0).getText()).isEqualTo("维度");
            assertThat(dims.getRows()).hasSize(1 + e.dimensions().size());
            assertThat(dims.getRow(3).getCell(1).getText()).isEqualTo(e.dimensions().get(2).score().stripTrailingZeros().toPlainString());
            assertThat(doc.getCharts()).hasSize(1);
            assertThat(doc.getCharts().get(0).getWorkbook().getSheetAt(0).getRow(3).getCell(1).getNumericCellValue())
                    .isEqualTo(e.dimensions().get(2).score().doubleValue());
            var size = doc.getDocument().getBody().getSectPr().getPgSz();
            assertThat(size.getW().toString()).isEqualTo("11906");
            assertThat(size.getH().toString()).isEqualTo("16838");
        }
        assertThat(new DocxReport("zh").write(e, "通用人工智能创新项目", null)).isEqualTo(bytes);
    }

    @Test
    void writeWhenThePanelReviewedShouldBeTheSummaryReportWithEachReviewerAndTheConsensusInEnglish() throws Exception {
        Evaluation e = evaluate("green-textile-factory.json", "en");
        Map<String, BigDecimal> a = new LinkedHashMap<>();
        e.dimensions().forEach(d -> a.put(d.id(), d.score()));
        Map<String, BigDecimal> c = new LinkedHashMap<>();
        e.dimensions().forEach(d -> c.put(d.id(), BigDecimal.ONE));
        DocxReport.PanelPart panel = new DocxReport.PanelPart(List.of(new DocxReport.Reviewer("li.wei", a,
                e.totalScore(), "FUND", "figures consistent with the audit")),
                new DocxReport.Reviewer("chair", c, BigDecimal.valueOf(5), null, "the panel agreed on a pilot score"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(new DocxReport("en").write(e,
                "General AI innovation call", panel)))) {
            String text = text(doc);
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("Evaluation summary report");
            assertThat(text).contains("Reviewers' scores and comments", "li.wei", "fund", "Consensus",
                    "li.wei: figures consistent with the audit", "Consensus: the panel agreed on a pilot score");
            XWPFTable reviews = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(reviews.getRow(1).getCell(0).getText()).isEqualTo("li.wei");
            assertThat(reviews.getRow(2).getCell(0).getText()).isEqualTo("Consensus");
            assertThat(reviews.getRow(2).getCell(1 + e.dimensions().size()).getText()).isEqualTo("5");
        }
    }
}
