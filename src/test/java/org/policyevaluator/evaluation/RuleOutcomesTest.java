package org.policyevaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.TestSupport;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.PairMap;
import org.policyevaluator.rules.RuleBase;
import tools.jackson.databind.node.ObjectNode;

/**
 * The collector of what the rules decide: each firing goes to the application whose facts it matched, however
 * the rule names those facts, and the evidence a rule hands over reads as the ordered map it was given.
 */
class RuleOutcomesTest {
    @TempDir
    Path dir;

    /** An evaluation as JSON, without the ruleset version (the copied rules differ from the bundled in their text). */
    private static String withoutVersion(Evaluation e) {
        ObjectNode json = JsonIntake.mapper().valueToTree(e);
        json.remove("rulesetVersion");
        return json.toString();
    }

    @Test
    void decideAllWhenRulesNameTheirFactsOtherThanFShouldDecideAsTheBundledRules() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        try (var drl = Files.list(rules.resolve("drl"))) {
            for (Path file : drl.toList()) {
                String text = Files.readString(file);
                assertThat(text).contains("$f : Facts(");
                Files.writeString(file, text.replace("$f", "$application"));
            }
        }
        RuleBase renamed = RuleBase.fromDirectory(rules);
        Evaluator evaluator = new Evaluator(renamed);
        List<Application> apps = ChunkedEvaluationTest.applicationsUnderMixedProgrammes(TestSupport.RULES, 64);
        List<Evaluation> bundled = TestSupport.EVALUATOR.evaluateAll(apps, null, "zh");
        List<Evaluation> other = evaluator.evaluateAll(ChunkedEvaluationTest.applicationsUnderMixedProgrammes(renamed, 64), null, "zh");
        assertThat(other).hasSize(apps.size());
        assertThat(bundled).anySatisfy(e -> assertThat(e.flags()).isNotEmpty());
        assertThat(bundled).anySatisfy(e -> assertThat(e.eligible()).isFalse());
        for (int i = 0; i < apps.size(); i++) {
            assertThat(withoutVersion(other.get(i))).as("application %d", i).isEqualTo(withoutVersion(bundled.get(i)));
        }
    }

    @Test
    void pairMapWhenFieldsAreDistinctShouldReadAsTheLinkedMapOfThePairs() {
        Map<String, Object> evidence = new PairMap(new Object[] {"budget.total", 500, "budget.selfFunded", null,
                "compute.domesticComputingCenter", true});
        Map<String, Object> linked = new LinkedHashMap<>();
        linked.put("budget.total", 500);
        linked.put("budget.selfFunded", null);
        linked.put("compute.domesticComputingCenter", true);
        assertThat(evidence).isEqualTo(linked).hasSameHashCodeAs(linked);
        assertThat(List.copyOf(evidence.keySet())).containsExactly("budget.total", "budget.selfFunded",
                "compute.domesticComputingCenter");
        assertThat(evidence.containsKey("budget.selfFunded")).isTrue();
        assertThat(evidence.get("budget.selfFunded")).isNull();
        assertThat(evidence.containsKey("budget.requested")).isFalse();
        assertThat(evidence.get(new String("budget.total"))).isEqualTo(500);
        assertThat(JsonIntake.mapper().writeValueAsString(evidence)).isEqualTo(JsonIntake.mapper().writeValueAsString(linked));
    }

    @Test
    void pairMapWhenAFieldIsGivenTwiceShouldKeepItsFirstPlaceAndLastValue() {
        Map<String, Object> evidence = new PairMap(new Object[] {"a", 1, "b", 2, "a", 3, "odd"});
        assertThat(List.copyOf(evidence.entrySet())).containsExactly(Map.entry("a", 3), Map.entry("b", 2));
        assertThat(evidence).hasSize(2);
    }

    @Test
    void pairMapShouldRefuseChanges() {
        Map<String, Object> evidence = new PairMap(new Object[] {"a", 1});
        assertThatThrownBy(() -> evidence.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> evidence.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(evidence).containsExactly(Map.entry("a", 1));
    }
}
