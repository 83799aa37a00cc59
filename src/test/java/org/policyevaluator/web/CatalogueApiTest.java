package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import tools.jackson.databind.JsonNode;

class CatalogueApiTest extends WebTest {

    @Test
    void getRulesShouldListEveryRuleWithItsClausesAndPoints() throws Exception {
        var response = get("/api/rules?program=compute");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode catalogue = json(response);
        assertThat(catalogue.get("program").asString()).isEqualTo("compute");
        assertThat(catalogue.get("rulesetVersion").asString()).isEqualTo(TestSupport.RULES.version());
        assertThat(catalogue.get("rules").size()).isEqualTo(TestSupport.RULES.catalogue().size());
    }

    @Test
    void getRuleWhenIdIsKnownShouldReturnItsClauses() throws Exception {
        JsonNode rule = json(get("/api/rules/DC-010"));
        assertThat(rule.get("kind").asString()).isEqualTo("score");
        assertThat(rule.get("dimension").asString()).isEqualTo("domesticCompute");
        assertThat(rule.get("clauses").get(0).get("quote").asString()).isNotBlank();
    }

    @Test
    void getRuleWhenIdIsUnknownShouldReturn404Problem() throws Exception {
        var response = get("/api/rules/XX-999?lang=en");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("detail").asString()).isEqualTo("no rule with id \"XX-999\"; GET /api/rules lists them");
    }

    @Test
    void getRuleWhenIdIsUnknownAndNoLanguageIsAskedShouldSayItInChinese() throws Exception {
        JsonNode problem = json(get("/api/rules/XX-999"));
        assertThat(problem.get("title").asString()).isEqualTo("未知规则");
        assertThat(problem.get("detail").asString()).isEqualTo("没有编号为“XX-999”的规则");
        assertThat(problem.get("errors").get(0).get("location").asString()).isEqualTo("id");
    }

    @Test
    void getProgramsShouldListTheProgrammesWithWeightsInTheLanguageAsked() throws Exception {
        JsonNode programs = json(get("/api/programs?lang=en")).get("programs");
        assertThat(programs.size()).isEqualTo(3);
        assertThat(programs.get(0).get("id").asString()).isEqualTo("general");
        assertThat(programs.get(0).get("weights").get("domesticCompute").asInt()).isEqualTo(25);
    }


    @Test
    void getTemplateShouldReturnTheBlankWorkbook() throws Exception {
        var response = getBytes("/api/template.xlsx", "*/*");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(EvaluationApi.XLSX_VALUE);
        assertThat(response.body()).startsWith(0x50, 0x4B, 0x03, 0x04);
    }

    @Test
    void getApiDocsShouldDescribeEveryEndpoint() throws Exception {
        JsonNode paths = json(get("/v3/api-docs")).get("paths");
        assertThat(paths.propertyNames()).contains("/api/evaluations", "/api/whatif", "/api/rules", "/api/rules/{id}",
                "/api/programs", "/api/template.xlsx");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void getHealthShouldBeUp() throws Exception {
        assertThat(json(get("/actuator/health")).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void getUnknownApiPathShouldReturn404ProblemWithoutStackTrace() throws Exception {
        var response = get("/api/nothing-here");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void springsOwnRefusalsWhenNoLanguageIsAskedShouldBeWordedInChineseByTheirStatus() throws Exception {
        JsonNode notFound = json(get("/api/nothing-here"));
        assertThat(notFound.get("title").asString()).isEqualTo("未找到");
        assertThat(notFound.get("detail").asString()).isEqualTo("没有这个页面");
        var method = send("DELETE", "/api/rules", null, null);
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(json(method).get("title").asString()).isEqualTo("请求无法处理");
        assertThat(json(method).get("detail").asString()).isEqualTo("请求无法处理（405）");
        // in English, Spring's own words
        assertThat(json(get("/api/nothing-here?lang=en")).get("title").asString()).isEqualTo("Not Found");
    }
}
