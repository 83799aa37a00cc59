package org.policyevaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.TestSupport;
import org.policyevaluator.model.Application;
import org.policyevaluator.rules.Programme;
import org.policyevaluator.rules.RuleBase;

class FactsTest {
    @TempDir
    Path dir;

    private static Facts facts(RuleBase rules, Application app) {
        Programme programme = rules.tables().programme(rules.tables().defaultProgramme());
        return new Facts(app, programme.id(), rules.schema(), rules.tables(),
                new Derivations(rules.tables()).derive(app, programme), Facts.Places.of(rules.schema()));
    }

    @Test
    void valueShouldReadAFieldAndADerivedFactByTheirNamesWhetherLiteralOrBuiltAtRunTime() {
        Application app = TestSupport.bind(TestSupport.with("green.dataCenterPue", 1.25, "budget.requested", 300));
        Facts f = facts(TestSupport.RULES, app);

        assertThat(f.value("green.dataCenterPue")).isEqualTo(1.25);
        assertThat(f.value(new StringBuilder("green.").append("dataCenterPue").toString())).isEqualTo(1.25);
        assertThat(f.value("derived.requestedShare")).isEqualTo(0.3);
        assertThat(f.value(new StringBuilder("derived.").append("requestedShare").toString())).isEqualTo(0.3);
        assertThat(f.value("green.energySavingPercent")).isNull();
        assertThat(f.has("derived.trainingShareExcess")).isFalse();
    }

    @Test
    void valueShouldRefuseAPathThatIsNeitherAFieldNorADerivedFact() {
        Facts f = facts(TestSupport.RULES, TestSupport.bind(TestSupport.minimal()));

        assertThatThrownBy(() -> f.value("derived.waterShare")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no derived fact derived.waterShare; derived facts are derived.inventoryDomesticShare, ");
        assertThatThrownBy(() -> f.value("green.waterSavingPercent")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no field green.waterSavingPercent in ");
    }

    @Test
    void valueShouldFindTheFieldsOfAnApplicationReadWithAnotherSchemaByTheirPaths() throws Exception {
        // a copy of the rules whose schema puts a new field first: every field of the bundled schema moves one place on
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        Path schema = rules.resolve("schema/application.schema.json");
        String text = java.nio.file.Files.readString(schema);
        java.nio.file.Files.writeString(schema, text.replaceFirst("\"properties\"\\s*:\\s*\\{",
                "\"properties\": {\"aaFirst\": {\"type\": \"string\", \"title\": \"首项\", \"x-en\": {\"title\": \"First\"}},"));
        RuleBase other = RuleBase.fromDirectory(rules);
        Application app = TestSupport.bind(TestSupport.with("green.dataCenterPue", 1.25));

        Facts f = facts(other, app);

        assertThat(f.value("green.dataCenterPue")).isEqualTo(1.25);
        assertThat(f.value("applicant.name")).isEqualTo(app.field("applicant.name")).isNotNull();
        assertThat(f.value("derived.requestedShare")).isEqualTo(0.4);
    }
}
