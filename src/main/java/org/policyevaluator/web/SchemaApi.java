package org.policyevaluator.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.info.Info;
import org.policyevaluator.rules.RuleBase;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The application format as the JSON Schema intake validates against, so that an applicant's IT system can
 * validate an application before submitting it: the ruleset's schema with each code table's codes as its
 * field's {@code enum}. Linked from the OpenAPI description (its external documentation and this tag).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "schema", description = "The JSON Schema (2020-12) of an application, to validate before submitting",
        externalDocs = @io.swagger.v3.oas.annotations.ExternalDocumentation(description = "the application schema",
                url = SchemaApi.PATH))
class SchemaApi {
    static final String PATH = "/api/schema";
    static final String SCHEMA_JSON = "application/schema+json";

    private final RuleBase ruleBase;

    SchemaApi(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    @Operation(summary = "The JSON Schema an application must satisfy (codes listed as enums); the evaluation "
            + "applies the same schema, so an application valid here is not rejected for its form")
    @GetMapping(path = "/schema", produces = {SCHEMA_JSON, MediaType.APPLICATION_JSON_VALUE})
    JsonNode schema() {
        return ruleBase.schema().served();
    }

    /** The OpenAPI description points to the schema of what its POST /api/evaluations takes. */
    @Bean
    static OpenApiCustomizer applicationSchemaLink() {
        return openApi -> {
            Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
            info.setTitle("Policy Evaluator API");
            info.setDescription("Evaluates project applications against the policy rules. Validate an application "
                    + "before submitting it against the JSON Schema at GET " + PATH + ".");
            openApi.info(info).externalDocs(new ExternalDocumentation()
                    .description("The JSON Schema of an application (validate before submitting)").url(PATH));
        };
    }
}
