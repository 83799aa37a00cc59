package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.policyevaluator.evaluation.Evaluation.DimensionScore;
import java.math.BigDecimal;

class UiPagesTest extends WebTest {

    @Test
    void getHomeWhenLangIsEnShouldShowTheFormInEnglishWithTheChipsTextarea() throws Exception {
        var response = get("/?lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Fill in an application (self-assessment)", "name=\"compute.chips\"",
                "placeholder=\"Ascend 910B*512; NVIDIA A800*64\"");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'"));
    }

    @Test
    void getHomeByDefaultShouldBeChinese() throws Exception {
        assertThat(get("/").body()).contains("填写申请（自评）", "训练算力国产占比")
                // labels and names, not field paths or raw codes
                .doesNotContain("compute.trainingDomesticShare</code>", "(ENTERPRISE)");
    }

    @Test
    void postAssessWhenShareIsOutOfRangeShouldShowTheMessageNextToTheField() throws Exception {
        var response = postForm("/assess?lang=en", Map.of("applicationId", "F-1", "title", "Test", "applicant.name", "ACME",
                "budget.total", "1000", "budget.requested", "400", "compute.trainingDomesticShare", "1.5",
                "compute.chips", "Ascend 910B*512; NVIDIA A800"));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("expected a share from 0 to 1 (e.g. 0.72 for 72%), found 1.5",
                "item 2 &quot;NVIDIA A800&quot; has no count");
    }

    @Test
    void postAssessShouldShowTheResultWithChartAndSuggestions() throws Exception {
        var response = postForm("/assess?lang=en", Map.of("applicationId", "F-2", "title", "<script>alert(1)</script>",
                "applicant.name", "ACME", "applicant.creditCode", "91350100M000100Y43", "applicant.type", "ENTERPRISE",
                "budget.total", "1000", "budget.requested", "400", "compute.chips", "Ascend 910B*512; NVIDIA A800*64",
                "compute.trainingDomesticShare", "0.4"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.uri().getPath()).matches("/batches/[0-9a-f-]+/evaluations/0");
        assertThat(response.body()).contains("<svg", "class=\"bar", "DC-010", "Apply and re-score")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");
        // the page links the self-assessment report as a Word document, in the page's language
        assertThat(response.body()).contains("href=\"" + response.uri().getPath() + "/report.docx\"", "Download the report (Word)");
        var docx = getBytes(response.uri().getPath() + "/report.docx", "*/*");
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.body()))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("Self-assessment report");
            assertThat(org.policyevaluator.report.DocxReportTest.text(doc)).contains("ACME", "F-2", "DC-010");
        }
    }

    @Test
    void postAssessWithEvidenceShouldCountTheBackedClaimAndShowWhatIsPending() throws Exception {
        var response = postForm("/assess?lang=en", Map.of("applicationId", "F-3", "title", "Evidence",
                "applicant.name", "ACME", "applicant.creditCode", "91350100M000100Y43", "applicant.type", "ENTERPRISE",
                "budget.total", "1000", "budget.requested", "400", "innovation.inventionPatents", "2",
                "innovation.standards", "1", "evidence.innovation.inventionPatents", "ZL201710601862.3; ZL201710601862.3"));
        assertThat(response.statusCode()).isEqualTo(200);
        // one distinct patent backs the count: the 1-patent band stands, the standard waits for its number
        assertThat(response.body()).contains("id=\"pending\"", "data-rule=\"IE-030\"", "Invention patents: 1,")
                .contains("As declared");
    }

    @Test
    void postAssessWhenAnEvidenceReferenceIsMalformedShouldShowTheMessageNextToItsInput() throws Exception {
        var response = postForm("/assess?lang=en", Map.of("applicationId", "F-4", "title", "Evidence",
                "applicant.name", "ACME", "budget.total", "1000", "budget.requested", "400",
                "innovation.inventionPatents", "1", "evidence.innovation.inventionPatents", "ZL201710601862.4"));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("check character is &#39;4&#39; but the first 12 digits give &#39;3&#39;");
    }

    @Test
    void postEvaluateWhenAFlagIsRaisedShouldNameItsSeverityAsTheRulesetDoesInTheLanguageOfThePage() throws Exception {
        var zh = upload("/evaluate?lang=zh", "c.json", sample("computing-centre-foreign-chips.json").getBytes(StandardCharsets.UTF_8));
        assertThat(zh.body()).contains("<span class=\"severity\">警告</span> <code>FL-010</code>").doesNotContain(">WARNING<");
        var en = get(zh.uri().getPath() + "?lang=en");
        assertThat(en.body()).contains("<span class=\"severity\">warning</span> <code>FL-010</code>");
    }

    @Test
    void postEvaluateWhenFileIsABatchShouldShowTheRankingAndTheRejected() throws Exception {
        var response = upload("/evaluate?lang=en", "batch.json",
                sample("batch-with-rejected-applications.json").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"ranking\"", "B-001", "Rejected applications",
                "expected a share from 0 to 1 (e.g. 0.72 for 72%), found 1.5");
    }

    @Test
    void postEvaluateWhenTheFileListsTheLowerRankedFirstShouldOpenTheBatchInRankOrder() throws Exception {
        var response = upload("/evaluate?lang=en", "two.json", ("[" + sample("green-textile-factory.json") + ", "
                + sample("smart-factory-domestic-compute.json") + "]").getBytes(StandardCharsets.UTF_8));
        assertThat(response.body().indexOf(">SF-2026-001<")).isLessThan(response.body().indexOf(">GT-2026-013<"));
        // and each row still opens its own application's page
        assertThat(response.body()).containsPattern("evaluations/1\">SF-2026-001<").containsPattern("evaluations/0\">GT-2026-013<");
        java.util.regex.Matcher ranks = java.util.regex.Pattern.compile("<td class=\"num\" data-sort=\"(\\d+)\">")
                .matcher(response.body());
        List<Integer> order = new java.util.ArrayList<>();
        while (ranks.find()) {
            order.add(Integer.valueOf(ranks.group(1)));
        }
        assertThat(order).hasSizeGreaterThan(1).isSorted();
    }

    @Test
    void getBatchEvaluationShouldOfferSuggestionsThatTheBatchLeftOut() throws Exception {
        var batch = upload("/evaluate?lang=en", "batch.json",
                sample("batch-with-rejected-applications.json").getBytes(StandardCharsets.UTF_8));
        var evaluation = get(batch.uri().getPath() + "/evaluations/0");
        assertThat(evaluation.statusCode()).isEqualTo(200);
        assertThat(evaluation.body()).contains("B-001", "id=\"back-to-batch\"", "Apply and re-score");
    }

    @Test
    void postEvaluateWhenFileIsBrokenShouldShowTheLocatedMessage() throws Exception {
        var response = upload("/evaluate?lang=en", "broken.json", "{\n\"a\": }".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("broken.json line 2, column 6: not valid JSON");
    }

    @Test
    void postEvaluateWhenFileIsBrokenAndPageIsChineseShouldWordTheLocationInChinese() throws Exception {
        var response = upload("/evaluate?lang=zh", "broken.json", "{\n\"a\": }".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<span>broken.json 第 2 行第 6 列：不是有效的 JSON</span>");
    }

    @Test
    void postEvaluateWhenBatchHasRejectedApplicationsShouldNameThemByPositionAndLabel() throws Exception {
        var response = upload("/evaluate?lang=zh", "batch.json",
                sample("batch-with-rejected-applications.json").getBytes(StandardCharsets.UTF_8));
        assertThat(response.body()).contains("<strong>batch.json 第 2 份申请</strong>",
                "<li><strong>训练算力国产占比</strong> <span>应为0 到 1 之间的比例（如 0.72 表示 72%），实际为1.5</span></li>")
                .doesNotContain("$.applications");
    }

    @Test
    void getBatchEvaluationWhenTwoApplicationsTieOnEverythingShouldSayTheRankIsShared() throws Exception {
        String app = sample("green-textile-factory.json");
        String twins = "[" + app.replace("GT-2026-013", "TW-1") + ", " + app.replace("GT-2026-013", "TW-2") + "]";
        var batch = upload("/evaluate?lang=zh", "twins.json", twins.getBytes(StandardCharsets.UTF_8));
        var first = get(batch.uri().getPath() + "/evaluations/0");
        assertThat(first.body()).contains("<p class=\"ties\">与 TW-2 总分相同 · 各维度得分相同，名次并列</p>");
    }

    @Test
    void getRulesWhenProgrammeIsUnknownAndPageIsChineseShouldNameTheProgrammesWithoutTheirIds() throws Exception {
        var response = get("/rules?program=space&lang=zh");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("未知项目类别“space”；可选：通用人工智能创新项目、国产算力基础设施专项、人工智能+制造专项");
    }

    @Test
    void getRulesShouldShowRulesByDimensionWithClausesAndProgrammeWeights() throws Exception {
        var response = get("/rules?program=manufacturing&lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"weights\"", "id=\"rule-DC-010\"", "id=\"rule-GT-060\"",
                "up to 35 points");
    }

    @Test
    void svgChartShouldDrawOneEscapedBarPerDimension() {
        String svg = SvgChart.bars(List.of(new DimensionScore("a", "<A&B>", new BigDecimal("5"), new BigDecimal("10")),
                new DimensionScore("b", "B", BigDecimal.ZERO, new BigDecimal("20"))), "t");
        assertThat(svg).contains("&lt;A&amp;B&gt;", "5 / 10", "0 / 20", "width=\"165\"", "class=\"bar mid\"",
                "class=\"bar low\"").doesNotContain("<A&B>");
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
