package org.policyevaluator.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyevaluator.TestSupport.RULES;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON intake: the three shapes, validation messages with their JSON paths, and hostile or broken input. */
class JsonIntakeTest {
    private static final String VALID = """
            {"applicationId":"A-1","title":"t","applicant":{"name":"n","creditCode":"91350100M000100Y43"},
             "budget":{"total":100,"requested":10}}""";

    private final List<Submission> accepted = new ArrayList<>();
    private final List<Rejection> rejected = new ArrayList<>();

    private void read(String json) {
        new JsonIntake(RULES.reader()).read("in.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                accepted::add, rejected::add);
    }

    private List<String> problems(String json) {
        read(json);
        assertThat(rejected).hasSize(1);
        return rejected.get(0).problems().stream().map(p -> RULES.problemTexts().line(p, "en")).toList();
    }

    @Test
    void readWhenSingleObjectShouldAcceptItAtRootPath() {
        read(VALID);
        assertThat(accepted).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo(Location.InJson.of("$"));
            assertThat(s.application().applicationId()).isEqualTo("A-1");
        });
    }

    @Test
    void readWhenArrayOrWrapperShouldAcceptEachElementWithItsPath() {
        read("[" + VALID + "," + VALID.replace("A-1", "A-2") + "]");
        assertThat(accepted).extracting(Submission::location).containsExactly(Location.InJson.of("$[0]"),
                Location.InJson.of("$[1]"));
        accepted.clear();
        read("{\"note\": \"batch of March\", \"applications\": [" + VALID + "]}");
        assertThat(accepted).extracting(Submission::location).containsExactly(Location.InJson.of("$.applications[0]"));
    }

    @Test
    void readWhenFieldsAreWrongShouldListEveryProblemWithItsPath() {
        List<String> problems = problems("""
                {"applicationId":"A-1","applicant":{"name":"n","creditCode":"91350100M000100Y44","type":"STARTUP"},
                 "techAreas":["AI_CHIP", 7],
                 "compute":{"trainingDomesticShare":1.2,"chips":[{"model":"Ascend 910B","count":-1},{"model":"A100"}]},
                 "green":{"dataCenterPue":0.95,"greenFactory":"yes"},
                 "innovation":{"inventionPatents":2.5},
                 "budget":{"total":0,"requested":"10"}}""");
        assertThat(problems).containsExactly(
                "$.title: required: a non-empty text",
                "$.applicant.creditCode: check character is '4' but GB 32100-2015 gives '3' for the first 17 characters",
                "$.applicant.type: unknown value \"STARTUP\"; expected one of ENTERPRISE, UNIVERSITY, RESEARCH_INSTITUTE, CONSORTIUM",
                "$.techAreas[1]: expected one of AI_CHIP, AI_BASIC_SOFTWARE, FOUNDATION_MODEL, MULTIMODAL, WORLD_MODEL, "
                        + "SPATIAL_INTELLIGENCE, EMBODIED_AI, AGENT, NEW_ARCHITECTURE, FRONTIER_CHIP, DATASET, MODEL_EVALUATION, "
                        + "COMPUTE_SCHEDULING, BASIC_THEORY, DECISION_AI, SWARM_INTELLIGENCE, BRAIN_INSPIRED, "
                        + "INDUSTRIAL_SOFTWARE, found the number 7",
                "$.compute.chips[0].count: expected the number of cards of this model (a whole number, 0 or more), found -1",
                "$.compute.chips[1].count: required: the number of cards of this model (a whole number, 0 or more)",
                "$.compute.trainingDomesticShare: expected a share from 0 to 1 (e.g. 0.72 for 72%), found 1.2",
                "$.green.dataCenterPue: expected a PUE of 1.0 or more, found 0.95",
                "$.green.greenFactory: expected true or false, found the text \"yes\"",
                "$.innovation.inventionPatents: expected a whole number, 0 or more, found the number 2.5",
                "$.budget.total: expected an amount in 万元 greater than 0, found 0",
                "$.budget.requested: expected an amount in 万元 greater than 0, found the text \"10\"");
        assertThat(rejected.get(0).applicationId()).isEqualTo("A-1");
    }

    @Test
    void readWhenRequiredObjectsAreMissingShouldSaySo() {
        assertThat(problems("{\"applicationId\":\"A-1\",\"title\":\"t\"}")).containsExactly(
                "$.applicant: required: an object", "$.budget: required: an object");
    }

    @Test
    void readWhenCreditCodeHasWrongLengthOrLettersShouldSaySo() {
        assertThat(problems(VALID.replace("91350100M000100Y43", "9135010"))).containsExactly(
                "$.applicant.creditCode: a credit code has 18 characters, this one has 7");
        rejected.clear();
        assertThat(problems(VALID.replace("91350100M000100Y43", "91350100M000100I43"))).containsExactly(
                "$.applicant.creditCode: character 16 'I' is not allowed (digits and capital letters except I, O, S, V, Z)");
    }

    @Test
    void readWhenProgrammeIsUnknownShouldListTheKnownOnes() {
        assertThat(problems(VALID.replace("\"title\":\"t\"", "\"title\":\"t\",\"program\":\"space\""))).containsExactly(
                "$.program: unknown value \"space\"; expected one of general, compute, manufacturing");
    }

    @Test
    void readWhenOneElementIsBadShouldAcceptTheOthers() {
        read("[" + VALID + ", 42, " + VALID.replace("A-1", "A-3") + "]");
        assertThat(accepted).extracting(s -> s.application().applicationId()).containsExactly("A-1", "A-3");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo(Location.InJson.of("$[1]"));
            assertThat(r.problems()).extracting(p -> RULES.problemTexts().line(p, "en"))
                    .containsExactly("$[1]: expected an application object, found the number 42");
        });
    }

    @Test
    void readWhenUnknownFieldsArePresentShouldIgnoreThem() {
        read(VALID.replace("\"title\":\"t\"", "\"title\":\"t\",\"attachments\":[1,2],\"contact\":{\"x\":1}"));
        assertThat(accepted).hasSize(1);
    }

    @Test
    void readWhenSyntaxIsBrokenShouldNameLineAndColumn() {
        assertThatThrownBy(() -> read("{\"applicationId\": \"A-1\",\n  \"title\": }"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("in.json line 2, column 12: not valid JSON: Unexpected character ('}'");
    }

    @Test
    void readWhenNestingIsAbsurdShouldRefuseIt() {
        assertThatThrownBy(() -> read("[".repeat(5000) + "]".repeat(5000)))
                .isInstanceOf(InputException.class).hasMessageContaining("refused: nested deeper than 64 levels");
    }

    @Test
    void readWhenNumberIsEnormousShouldRefuseIt() {
        assertThatThrownBy(() -> read(VALID.replace("\"total\":100", "\"total\":1" + "0".repeat(5000))))
                .isInstanceOf(InputException.class).hasMessageContaining("refused: a number longer than 100 digits");
    }

    @Test
    void readWhenNumberOverflowsDoubleShouldRejectTheField() {
        assertThat(problems(VALID.replace("\"total\":100", "\"total\":1e400")))
                .containsExactly("$.budget.total: expected an amount in 万元 greater than 0, found a number too large to use");
    }

    @Test
    void readWhenStringIsEnormousShouldRefuseIt() {
        assertThatThrownBy(() -> read(VALID.replace("\"title\":\"t\"", "\"title\":\"" + "x".repeat(2_000_000) + "\"")))
                .isInstanceOf(InputException.class).hasMessageContaining("refused: a text longer than 1000000 characters");
    }

    @Test
    void readWhenFileIsEmptyOrHoldsNoApplicationShouldSaySo() {
        assertThatThrownBy(() -> read("  ")).isInstanceOf(InputException.class)
                .hasMessage("in.json: empty file; expected an application object or a list of them");
        assertThatThrownBy(() -> read("[]")).isInstanceOf(InputException.class).hasMessage("in.json: contains no applications");
        assertThatThrownBy(() -> read("\"hello\"")).isInstanceOf(InputException.class)
                .hasMessageContaining("expected an application object, a list of them, or {\"applications\": [...]}");
    }

    @Test
    void readWhenContentFollowsTheValueShouldRefuseIt() {
        assertThatThrownBy(() -> read(VALID + " {}")).isInstanceOf(InputException.class)
                .hasMessageContaining("unexpected content after the end of the JSON value");
    }
}
