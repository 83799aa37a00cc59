package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.intake.JsonIntake;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** GET /api/schema: what an applicant's IT system validates against before submitting, with a stock validator. */
class SchemaApiTest extends WebTest {

    /** The served schema, read by an off-the-shelf JSON Schema 2020-12 validator as a client would. */
    Schema servedSchema() throws Exception {
        var response = get("/api/schema");
        assertThat(response.statusCode()).isEqualTo(200);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(response.body());
    }

    /** Each error as "JSON pointer keyword". */
    static List<String> errors(Schema schema, JsonNode application) {
        return schema.validate(application).stream().map(e -> e.getInstanceLocation() + " " + e.getKeyword()).toList();
    }

    @Test
    void getSchemaWhenAnonymousShouldServeTheRulesetsSchemaWithTheCodesAsEnums() throws Exception {
        var response = get("/api/schema");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/schema+json");
        JsonNode schema = json(response);
        assertThat(schema).isEqualTo(TestSupport.RULES.schema().served());
        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/applicant/properties/type/enum").toString())
                .isEqualTo("[\"ENTERPRISE\",\"UNIVERSITY\",\"RESEARCH_INSTITUTE\",\"CONSORTIUM\"]");
    }

    @Test
    void getSchemaWhenAcceptIsJsonShouldServeItAsJson() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(uri("/api/schema")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response)).isEqualTo(TestSupport.RULES.schema().served());
    }

    @Test
    void servedSchemaShouldAcceptEverySingleSample() throws Exception {
        Schema schema = servedSchema();
        for (String sample : List.of("green-textile-factory.json", "ai-chip-little-giant.json",
                "smart-factory-domestic-compute.json", "hospital-diagnosis-agent.json")) {
            assertThat(errors(schema, JsonIntake.mapper().readTree(sample(sample)))).as(sample).isEmpty();
        }
    }

    @Test
    void servedSchemaShouldRefuseABrokenApplicationAtTheFieldsThatAreWrong() throws Exception {
        ObjectNode broken = (ObjectNode) JsonIntake.mapper().readTree(sample("green-textile-factory.json"));
        TestSupport.set(broken, "compute.trainingDomesticShare", 1.5);
        TestSupport.set(broken, "applicant.type", "SPACE_AGENCY");
        broken.remove("budget");
        assertThat(errors(servedSchema(), broken)).containsExactlyInAnyOrder(" required", "/applicant/type enum",
                "/compute/trainingDomesticShare maximum");
    }

    @Test
    void getApiDocsShouldLinkTheSchemaForClientsToValidateAgainst() throws Exception {
        JsonNode docs = json(get("/v3/api-docs"));
        assertThat(docs.get("paths").propertyNames()).contains("/api/schema");
        assertThat(docs.at("/externalDocs/url").asString()).isEqualTo("/api/schema");
        assertThat(docs.at("/info/description").asString()).contains("GET /api/schema");
        assertThat(docs.at("/paths/~1api~1schema/get/tags/0").asString()).isEqualTo("schema");
    }
}
