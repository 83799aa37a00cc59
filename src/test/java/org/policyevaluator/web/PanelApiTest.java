package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A panel from assignment to the funding line over HTTP: a chair named, two reviewers assigned, a conflict of
 * interest refused and one declared, reviews drafted and submitted (out of range and unexplained departures
 * refused), divergence marked, a consensus recorded, the funding line drawn under a budget against the engine's
 * own ranking, every act in the audit chain and the chain intact.
 */
class PanelApiTest extends WebTest {
    static final String APPLICANT = "pn-applicant";
    static final String CHAIR = "pn-chair";
    static final String A = "pn-rev-a";
    static final String B = "pn-rev-b";
    static final String C = "pn-rev-c";
    static final String IDLE = "pn-rev-idle";
    static final String TEXTILE = "pn-rev-textile";
    static final List<String> APPS = List.of("SF-2026-001", "ROB-2026-055", "CHIP-2026-007", "GT-2026-013");

    /** Scores in the order domesticCompute, keyTechnology, greenTransformation, aiApplication, innovationEcosystem. */
    static String dims(double... s) {
        String[] ids = {"domesticCompute", "keyTechnology", "greenTransformation", "aiApplication", "innovationEcosystem"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            parts.add("\"" + ids[i] + "\": " + (s[i] == Math.floor(s[i]) ? String.valueOf((long) s[i]) : String.valueOf(s[i])));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    HttpResponse<String> review(String who, String evaluationId, String dims, String comment, String rec, boolean submit)
            throws Exception {
        return send("PUT", "/api/evaluations/" + evaluationId + "/reviews/mine?lang=en", who, "{\"dimensions\": " + dims
                + (comment == null ? "" : ", \"comment\": \"" + comment + "\"")
                + (rec == null ? "" : ", \"recommendation\": \"" + rec + "\"") + ", \"submit\": " + submit + "}");
    }

    static List<String> errors(HttpResponse<String> r) {
        List<String> out = new ArrayList<>();
        json(r).get("errors").forEach(e -> out.add(e.get("location").asString() + ": " + e.get("message").asString()));
        return out;
    }

    @Test
    void panelFromAssignmentToTheFundingLineShouldBeRecordedAndMarkDivergenceAndWhoCrossesTheLine() throws Exception {
        account(APPLICANT, "APPLICANT");
        for (String r : List.of(CHAIR, A, B, C, IDLE)) {
            account(r, "REVIEWER", "general");
        }
        send("POST", "/api/users", ADMIN, "{\"username\": \"" + TEXTILE + "\", \"password\": \"" + password(TEXTILE)
                + "\", \"role\": \"REVIEWER\", \"programs\": [\"general\"], \"organisation\": {\"name\": \"绍兴绿纺科技有限公司\", "
                + "\"creditCode\": \"91330681MA2BW3L7XA\"}}");
        String batch = "[" + String.join(", ", sample("smart-factory-domestic-compute.json"),
                sample("embodied-robot-consortium.json"), sample("ai-chip-little-giant.json"),
                sample("green-textile-factory.json")) + "]";
        JsonNode stored = json(send("POST", "/api/evaluations?program=general&suggestions=false", APPLICANT, batch));
        String batchId = stored.get("batchId").asString();
        Map<String, String> ids = new LinkedHashMap<>();
        stored.get("evaluations").forEach(e -> ids.put(e.get("applicationId").asString(), e.get("evaluationId").asString()));
        String base = "/api/batches/" + batchId;

        // the chair is an admin's to name; assigning is the chair's (or an admin's), not an applicant's
        assertThat(send("POST", base + "/chairs?lang=en", CHAIR, "{\"reviewer\": \"" + CHAIR + "\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", base + "/chairs", ADMIN, "{\"reviewer\": \"" + CHAIR + "\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> byApplicant = send("POST", base + "/assignments?lang=en", APPLICANT,
                "{\"reviewer\": \"" + A + "\", \"applicationIds\": [\"SF-2026-001\"]}");
        assertThat(byApplicant.statusCode()).isEqualTo(403);
        String all = "[\"" + String.join("\", \"", APPS) + "\"]";
        for (String r : List.of(A, B)) {
            HttpResponse<String> assigned = send("POST", base + "/assignments", CHAIR, "{\"reviewer\": \"" + r
                    + "\", \"applicationIds\": " + all + "}");
            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
            assertThat(json(assigned).size()).isEqualTo(4);
        }

        // a reviewer who works for an applicant is refused, with the reason, and nothing of the request is assigned
        HttpResponse<String> conflict = send("POST", base + "/assignments?lang=en", CHAIR, "{\"reviewer\": \"" + TEXTILE
                + "\", \"applicationIds\": [\"SF-2026-001\", \"GT-2026-013\"]}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(errors(conflict)).containsExactly("$.applicationIds[1]: " + TEXTILE + " works for the applicant of "
                + "\"GT-2026-013\" (绍兴绿纺科技有限公司): a conflict of interest");
        HttpResponse<String> conflictZh = send("POST", base + "/assignments", CHAIR, "{\"reviewer\": \"" + TEXTILE
                + "\", \"applicationIds\": [\"GT-2026-013\"]}");
        assertThat(json(conflictZh).get("errors").get(0).get("message").asString())
                .isEqualTo(TEXTILE + " 所在单位（绍兴绿纺科技有限公司）即申报“GT-2026-013”的申报单位，存在利益冲突");
        HttpResponse<String> unknown = send("POST", base + "/assignments?lang=en", CHAIR, "{\"reviewer\": \"" + C
                + "\", \"applicationIds\": [\"NOPE-1\"]}");
        assertThat(errors(unknown)).containsExactly("$.applicationIds[0]: this batch has no application \"NOPE-1\"");

        // a conflict declared by the reviewer ends the assignment, is kept, and bars assigning it again
        assertThat(send("POST", base + "/assignments", CHAIR, "{\"reviewer\": \"" + C
                + "\", \"applicationIds\": [\"ROB-2026-055\"]}").statusCode()).isEqualTo(201);
        assertThat(send("GET", "/api/evaluations/" + ids.get("ROB-2026-055"), C, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/evaluations/" + ids.get("ROB-2026-055") + "/conflicts", C,
                "{\"reason\": \"I advised the consortium on its robot platform in 2025\"}").statusCode()).isEqualTo(201);
        assertThat(send("GET", "/api/evaluations/" + ids.get("ROB-2026-055"), C, null).statusCode()).isEqualTo(404);
        HttpResponse<String> again = send("POST", base + "/assignments?lang=en", CHAIR, "{\"reviewer\": \"" + C
                + "\", \"applicationIds\": [\"ROB-2026-055\"]}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(errors(again)).containsExactly("$.applicationIds[0]: " + C
                + " declared a conflict of interest with \"ROB-2026-055\"");

        // once a panel is assigned, a reviewer of the programme sees only what they are assigned
        assertThat(send("GET", base, IDLE, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/evaluations/" + ids.get("SF-2026-001"), IDLE, null).statusCode()).isEqualTo(404);
        assertThat(json(send("GET", base, A, null)).get("ranking").size()).isEqualTo(4);

        // drafts change freely; a submitted review is checked and then fixed
        String sf = ids.get("SF-2026-001");
        assertThat(json(review(A, sf, dims(25, 17), null, null, false)).get("status").asString()).isEqualTo("DRAFT");
        JsonNode draft = json(send("GET", "/api/evaluations/" + sf + "/reviews/mine", A, null));
        assertThat(draft.get("total").decimalValue()).isEqualByComparingTo("42");
        HttpResponse<String> bad = review(A, sf, dims(26, 17, 12, 20), null, "MAYBE", true);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(errors(bad)).containsExactly(
                "$.dimensions.domesticCompute: Domestic compute is scored between 0 and 25",
                "$.dimensions.innovationEcosystem: Innovation ecosystem needs a score too",
                "$.recommendation: a recommendation is FUND, RESERVE or REJECT, not \"MAYBE\"");
        HttpResponse<String> submitted = review(A, sf, dims(25, 17, 12, 20, 6.5), null, "FUND", true);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(json(submitted).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(json(submitted).get("total").decimalValue()).isEqualByComparingTo("80.5");
        HttpResponse<String> late = review(A, sf, dims(20, 17, 12, 20, 6.5), null, "FUND", true);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(review(C, sf, dims(20, 17, 12, 20, 6.5), null, "FUND", true).statusCode()).isIn(403, 404);

        assertThat(review(B, sf, dims(24, 16, 12, 19, 6), null, "FUND", true).statusCode()).isEqualTo(200);
        assertThat(review(A, ids.get("ROB-2026-055"), dims(15, 20, 0, 8, 9), null, "RESERVE", true).statusCode()).isEqualTo(200);
        assertThat(review(B, ids.get("ROB-2026-055"), dims(16, 20, 0, 9, 9), null, "RESERVE", true).statusCode()).isEqualTo(200);
        assertThat(review(A, ids.get("CHIP-2026-007"), dims(20, 29, 0, 4, 9), null, "FUND", true).statusCode()).isEqualTo(200);
        assertThat(review(B, ids.get("CHIP-2026-007"), dims(22, 28, 2, 6, 9), null, "FUND", true).statusCode()).isEqualTo(200);
        String gt = ids.get("GT-2026-013");
        assertThat(review(A, gt, dims(2, 18, 12, 10, 4.5), null, "RESERVE", true).statusCode()).isEqualTo(200);
        // 26 against the engine's 46.5: more than 20 points away, and it must say why
        HttpResponse<String> unexplained = review(B, gt, dims(2, 10, 8, 4, 2), null, "REJECT", true);
        assertThat(errors(unexplained)).containsExactly("$.comment: your total of 26 departs from the engine's 46.5 by "
                + "more than 20 points: say why in a comment");
        assertThat(review(B, gt, dims(2, 10, 8, 4, 2), "the energy figures are projected, the platform is a pilot",
                "REJECT", true).statusCode()).isEqualTo(200);

        // the panel: mean, spread, divergence beyond 15 points, final scores from the reviews
        assertThat(send("GET", base + "/panel", A, null).statusCode()).isEqualTo(404);
        JsonNode panel = json(send("GET", base + "/panel", CHAIR, null));
        assertThat(panel.get("normalisation").asString()).startsWith("z-score per reviewer");
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        panel.get("rows").forEach(r -> rows.put(r.get("panel").get("applicationId").asString(), r.get("panel")));
        assertThat(rows.keySet()).containsExactly("SF-2026-001", "CHIP-2026-007", "ROB-2026-055", "GT-2026-013");
        assertThat(rows.get("SF-2026-001").get("mean").decimalValue()).isEqualByComparingTo("78.75");
        assertThat(rows.get("SF-2026-001").get("spread").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(rows.get("SF-2026-001").get("divergent").asBoolean()).isFalse();
        assertThat(rows.get("GT-2026-013").get("spread").decimalValue()).isEqualByComparingTo("20.5");
        assertThat(rows.get("GT-2026-013").get("divergent").asBoolean()).isTrue();
        assertThat(rows.get("CHIP-2026-007").get("finalFrom").asString()).isEqualTo("reviews");
        assertThat(rows.get("CHIP-2026-007").get("finalScore").decimalValue()).isEqualByComparingTo("64.5");
        assertThat(rows.get("CHIP-2026-007").get("engineRank").asInt()).isEqualTo(3);
        assertThat(rows.get("CHIP-2026-007").get("rank").asInt()).isEqualTo(2);

        // the chair's consensus replaces the reviews' mean; the engine's result and the reviews stay beside it
        HttpResponse<String> noComment = send("POST", "/api/evaluations/" + gt + "/consensus?lang=en", CHAIR,
                "{\"dimensions\": " + dims(2, 15, 10, 8, 4) + "}");
        assertThat(errors(noComment)).containsExactly("$.comment: a consensus comes with a comment (10 to 4000 characters)");
        assertThat(send("POST", "/api/evaluations/" + gt + "/consensus", A, "{\"dimensions\": " + dims(2, 15, 10, 8, 4)
                + ", \"comment\": \"the panel agreed after discussion\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/evaluations/" + gt + "/consensus", CHAIR, "{\"dimensions\": " + dims(2, 15, 10, 8, 4)
                + ", \"comment\": \"energy figures accepted as projected; platform scored as a pilot\"}").statusCode())
                .isEqualTo(201);
        JsonNode after = json(send("GET", base + "/panel", ADMIN, null));
        JsonNode gtRow = null;
        for (JsonNode r : after.get("rows")) {
            if (r.get("panel").get("applicationId").asString().equals("GT-2026-013")) {
                gtRow = r.get("panel");
            }
        }
        assertThat(gtRow.get("finalFrom").asString()).isEqualTo("consensus");
        assertThat(gtRow.get("finalScore").decimalValue()).isEqualByComparingTo("39");
        assertThat(gtRow.get("engineScore").decimalValue()).isEqualByComparingTo("46.5");
        assertThat(gtRow.get("reviews").size()).isEqualTo(2);

        // the funding line under 8,000 万元: the panel funds CHIP where the engine alone would have funded ROB
        HttpResponse<String> funding = send("POST", base + "/funding", CHAIR, "{\"budget\": 8000}");
        assertThat(funding.statusCode()).as(funding.body()).isEqualTo(201);
        JsonNode line = json(funding);
        List<String> funded = new ArrayList<>();
        line.get("funded").forEach(f -> funded.add(f.get("applicationId").asString()));
        List<String> reserve = new ArrayList<>();
        line.get("reserve").forEach(f -> reserve.add(f.get("applicationId").asString()));
        assertThat(funded).containsExactly("SF-2026-001", "CHIP-2026-007");
        assertThat(reserve).containsExactly("ROB-2026-055", "GT-2026-013");
        assertThat(line.get("used").decimalValue()).isEqualByComparingTo("7400");
        assertThat(line.get("left").decimalValue()).isEqualByComparingTo("600");
        assertThat(line.get("fundedOnlyByThePanel").get(0).asString()).isEqualTo("CHIP-2026-007");
        assertThat(line.get("fundedOnlyByTheEngine").get(0).asString()).isEqualTo("ROB-2026-055");
        assertThat(json(send("GET", base + "/panel", CHAIR, null)).get("fundingLines").size()).isEqualTo(1);
        assertThat(send("POST", base + "/funding?lang=en", CHAIR, "{\"budget\": 0}").statusCode()).isEqualTo(400);
        // the batch's workbook carries the line for the chair, not for the applicant
        HttpResponse<byte[]> workbook = getBytesAs(base + "?format=xlsx", CHAIR);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook.body()))) {
            var sheet = wb.getSheet(org.policyevaluator.report.xlsx.FundingSheet.NAME);
            assertThat(sheet.getRow(0).getCell(1).getNumericCellValue()).isEqualTo(8000);
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("SF-2026-001");
            assertThat(sheet.getRow(4).getCell(2).getStringCellValue()).isEqualTo("CHIP-2026-007");
            assertThat(sheet.getRow(4).getCell(8).getStringCellValue()).isEqualTo("评审后进入 Funded after review");
            assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("备选 Reserve");
            assertThat(sheet.getRow(5).getCell(2).getStringCellValue()).isEqualTo("ROB-2026-055");
            assertThat(sheet.getRow(5).getCell(8).getStringCellValue()).isEqualTo("评审后退出 Left out after review");
        }
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                getBytesAs(base + "?format=xlsx", APPLICANT).body()))) {
            assertThat(wb.getSheet(org.policyevaluator.report.xlsx.FundingSheet.NAME)).isNull();
        }

        // the document: the panel's summary report for the chair, the self-assessment report for the applicant
        HttpResponse<byte[]> chairs = getBytesAs("/api/evaluations/" + gt + "/report.docx?lang=en", CHAIR);
        assertThat(chairs.statusCode()).isEqualTo(200);
        assertThat(chairs.headers().firstValue("Content-Disposition").orElseThrow()).contains("GT-2026-013.docx");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(chairs.body()))) {
            String text = org.policyevaluator.report.DocxReportTest.text(doc);
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("Evaluation summary report");
            assertThat(text).contains(A, B, "Consensus: energy figures accepted as projected; platform scored as a pilot",
                    B + ": the energy figures are projected, the platform is a pilot");
        }
        HttpResponse<byte[]> applicants = getBytesAs("/api/evaluations/" + gt + "/report.docx", APPLICANT);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(applicants.body()))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("自评估报告");
            assertThat(org.policyevaluator.report.DocxReportTest.text(doc)).doesNotContain(A, B, "合议");
        }
        assertThat(getBytesAs("/api/evaluations/" + gt + "/report.docx", IDLE).statusCode()).isEqualTo(404);

        // every act is in the audit chain, and the chain holds
        JsonNode verified = json(send("GET", "/api/audit/verify", ADMIN, null));
        assertThat(verified.get("intact").asBoolean()).isTrue();
    }
}
