package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EvaluationApiTest extends WebTest {

    @Test
    void postEvaluationsWhenBodyIsOneSampleShouldReturnExactlyTheCliJson() throws Exception {
        var response = postJson("/api/evaluations?lang=en", sample("green-textile-factory.json"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        // the golden file is what `evaluate --lang en samples/green-textile-factory.json` prints
        assertThat(response.body() + "\n").isEqualTo(Files.readString(
                Path.of("src/test/resources/golden/green-textile-factory.en.json"), StandardCharsets.UTF_8));
    }

    @Test
    void postEvaluationsWhenSomeApplicationsAreRejectedShouldReturn200WithTheRejectedList() throws Exception {
        var response = postJson("/api/evaluations?lang=en", sample("batch-with-rejected-applications.json"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("evaluatedCount").asInt()).isEqualTo(2);
        assertThat(body.get("rejectedCount").asInt()).isEqualTo(body.get("rejected").size()).isPositive();
        JsonNode b002 = body.get("rejected").get(0);
        assertThat(b002.get("source").asString()).isEqualTo("request body");
        assertThat(b002.get("applicationId").asString()).isEqualTo("B-002");
        assertThat(b002.get("problems").toString()).contains("$.applications[1].compute.trainingDomesticShare",
                "expected a share from 0 to 1 (e.g. 0.72 for 72%), found 1.5");
        // a batch is evaluated without suggestions unless asked
        assertThat(body.get("evaluations").get(0).has("suggestions")).isFalse();
    }

    @Test
    void postEvaluationsWhenBodyIsBrokenShouldReturnProblemWithLineAndColumn() throws Exception {
        var response = postJson("/api/evaluations?lang=en", "{\n  \"applicationId\": \"X\",\n  \"title\": }");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("title").asString()).isEqualTo("Unusable input");
        assertThat(problem.get("line").asInt()).isEqualTo(3);
        assertThat(problem.get("column").asInt()).isEqualTo(12);
        assertThat(problem.get("errors").get(0).get("location").asString()).isEqualTo("request body line 3, column 12");
        assertThat(problem.get("errors").get(0).get("message").asString()).startsWith("not valid JSON: Unexpected character");
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void postEvaluationsWhenTypesAreWrongShouldReturnProblemWithJsonPaths() throws Exception {
        var response = postJson("/api/evaluations?lang=en", "{\"applicationId\": 5, \"title\": \"t\", \"applicant\": {\"name\": \"a\"},"
                + " \"budget\": {\"total\": \"x\", \"requested\": 1}}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("title").asString()).isEqualTo("No application could be evaluated");
        assertThat(errors(problem)).containsExactly("$.applicationId: expected a non-empty text, found the number 5",
                "$.budget.total: expected an amount in 万元 greater than 0, found the text \"x\"");
    }

    @Test
    void postEvaluationsWhenNoLanguageIsAskedShouldWordProblemsInChineseWithoutPaths() throws Exception {
        var response = postJson("/api/evaluations", "{\"applicationId\": 5, \"title\": \"t\", \"applicant\": {\"name\": \"a\"},"
                + " \"budget\": {\"total\": \"x\", \"requested\": 1}}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json(response).get("errors");
        // the location stays a JSON path (a client's tools read it); the message is Chinese and names no path
        assertThat(errors.get(0).get("location").asString()).isEqualTo("$.applicationId");
        assertThat(errors.get(0).get("message").asString()).isEqualTo("应为非空文本，实际为数字 5");
        assertThat(errors.get(1).get("message").asString()).isEqualTo("应为大于 0 的金额（万元），实际为文本“x”");
    }

    @Test
    void postEvaluationsWhenProgrammeIsUnknownShouldReturnProblemNamingTheProgrammes() throws Exception {
        var response = postJson("/api/evaluations?program=space&lang=en", sample("green-textile-factory.json"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(json(response))).containsExactly(
                "program: unknown programme \"space\"; expected one of: general, compute, manufacturing");
    }

    @Test
    void postEvaluationsWhenLangIsUnknownShouldReturnProblem() throws Exception {
        var response = postJson("/api/evaluations?lang=fr", sample("green-textile-factory.json"));
        assertThat(response.statusCode()).isEqualTo(400);
        // an unknown language is answered in the default one, Chinese; the parameter's name stays as the client sent it
        assertThat(errors(json(response))).containsExactly("lang: 应为 zh（中文）或 en（英文），实际为“fr”");
    }

    @Test
    void postEvaluationsWhenUploadIsJsonShouldEvaluateItWithSuggestions() throws Exception {
        var response = upload("/api/evaluations?program=compute", "green-textile-factory.json",
                sample("green-textile-factory.json").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode e = json(response).get("evaluations").get(0);
        assertThat(e.get("applicationId").asString()).isEqualTo("GT-2026-013");
        assertThat(e.get("program").asString()).isEqualTo("compute");
        assertThat(e.get("suggestions").size()).isPositive();
    }

    @Test
    void postEvaluationsWhenUploadIsEmptyShouldReturnProblem() throws Exception {
        var response = upload("/api/evaluations?lang=en", "empty.json", new byte[0]);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(json(response))).containsExactly(
                "empty.json: empty file; expected an application object or a list of them");
    }

    @Test
    void postEvaluationsWhenUploadIsNeitherJsonNorWorkbookShouldReturn415() throws Exception {
        var response = upload("/api/evaluations?lang=en", "notes.txt", "just some notes".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("detail").asString()).isEqualTo("notes.txt: neither JSON nor an Excel workbook (XLSX, XLS)");
    }

    @Test
    void postEvaluationsWhenUploadIsTooLargeShouldReturn413() throws Exception {
        byte[] big = ("[" + " ".repeat(1_200_000) + "]").getBytes(StandardCharsets.UTF_8);
        var response = upload("/api/evaluations?lang=en", "big.json", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("detail").asString()).startsWith("the upload is larger than the limit of 1 MB");
    }

    @Test
    void postEvaluationsWhenBodyIsTooLargeShouldReturn413() throws Exception {
        var response = postJson("/api/evaluations?lang=en", "[" + " ".repeat(1_200_000) + "]");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("title").asString()).isEqualTo("Upload too large");
    }



    @Test
    void postEvaluationsWhenUploadIsTheSampleWorkbookShouldEvaluateEveryRow() throws Exception {
        byte[] workbook = Files.readAllBytes(Path.of("samples/batch-applications.xlsx"));
        var response = upload("/api/evaluations", "batch-applications.xlsx", workbook);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("evaluatedCount").asInt()).isPositive();
    }

    @Test
    void postEvaluationsWhenAcceptIsXlsxShouldReturnTheEvaluationWorkbook() throws Exception {
        var response = HTTP.send(java.net.http.HttpRequest.newBuilder(uri("/api/evaluations"))
                .header("Content-Type", "application/json").header("Accept", EvaluationApi.XLSX_VALUE)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(sample("green-textile-factory.json"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(EvaluationApi.XLSX_VALUE);
        assertThat(response.body()).startsWith(0x50, 0x4B, 0x03, 0x04);
    }

    @Test
    void postWhatIfShouldReturnTheScoreBeforeAndAfterAndTheRulesThatChanged() throws Exception {
        var response = postJson("/api/whatif", "{\"application\": " + sample("green-textile-factory.json")
                + ", \"changes\": [{\"field\": \"green.dataCenterPue\", \"value\": 1.2}], \"lang\": \"en\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode w = json(response);
        assertThat(w.get("totalBefore").asString()).isEqualTo("46.5");
        assertThat(w.get("delta").decimalValue()).isEqualByComparingTo("1");
        assertThat(w.get("changed").toString()).contains("\"ruleId\":\"GR-030\"");
        assertThat(w.get("after").get("program").asString()).isEqualTo("general");
    }

    @Test
    void postWhatIfWhenFieldIsUnknownShouldReturnProblemAtItsPath() throws Exception {
        var response = postJson("/api/whatif?lang=en", "{\"application\": " + sample("green-textile-factory.json")
                + ", \"changes\": [{\"field\": \"compute.quantumShare\", \"value\": 1}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errors(json(response))).containsExactly(
                "$.changes[0].field: \"compute.quantumShare\" is not a field of an application");
    }

    @Test
    void postWhatIfWhenChangeGivesAnInvalidApplicationShouldReturnProblem() throws Exception {
        var response = postJson("/api/whatif?lang=en", "{\"application\": " + sample("green-textile-factory.json")
                + ", \"changes\": [{\"field\": \"compute.trainingDomesticShare\", \"value\": 1.5}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid change");
        assertThat(errors(problem)).containsExactly(
                "$.compute.trainingDomesticShare: expected a share from 0 to 1 (e.g. 0.72 for 72%), found 1.5");
    }

    @Test
    void postWhatIfWhenBodyIsBrokenShouldReturnProblemWithLineAndColumn() throws Exception {
        var response = postJson("/api/whatif", "{\"application\": {,}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("line").asInt()).isEqualTo(1);
        assertThat(json(response).get("column").asInt()).isEqualTo(18);
    }

    static List<String> errors(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("location").asString() + ": " + e.get("message").asString()));
        return out;
    }
}
