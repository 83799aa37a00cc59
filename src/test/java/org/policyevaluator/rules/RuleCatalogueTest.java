package org.policyevaluator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyevaluator.TestSupport.EVALUATOR;
import static org.policyevaluator.TestSupport.RULES;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestResources;

/** The bundled catalogue: every rule complete, cited, titled in both languages; every policy clause encoded. */
class RuleCatalogueTest {

    @Test
    void bundledRulesShouldBuildWithAllFiveDimensionsAndTheDefaultProgramme() {
        assertThat(RULES.tables().dimensions().keySet()).containsExactly("domesticCompute", "keyTechnology",
                "greenTransformation", "aiApplication", "innovationEcosystem");
        assertThat(RULES.tables().programme("general")).isNotNull();
        assertThat(RULES.version()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void everyRuleShouldHaveAKnownKindAndScoreRulesAKnownDimension() {
        for (RuleInfo r : RULES.catalogue().values()) {
            assertThat(r.kind()).as(r.id()).isIn("score", "gate", "flag");
            if (r.isScore()) {
                assertThat(r.dimension()).as(r.id()).isIn(RULES.tables().dimensions().keySet());
            }
            if (r.isFlag()) {
                assertThat(r.severity()).as(r.id()).isIn("INFO", "WARNING");
            }
            assertThat(r.clauses()).as(r.id()).isNotEmpty().allSatisfy(c -> assertThat(RULES.tables().clauses()).containsKey(c));
        }
    }

    @Test
    void everyRuleShouldHaveTitleAndMessagesInBothLanguages() {
        for (String lang : Messages.LANGUAGES) {
            for (RuleInfo r : RULES.catalogue().values()) {
                List<String> keys = new ArrayList<>(List.of(r.id() + ".title"));
                if (r.isScore()) {
                    keys.add(r.id() + ".reason");
                } else if (r.isGate()) {
                    keys.addAll(List.of(r.id() + ".pass", r.id() + ".fail"));
                } else {
                    keys.add(r.id() + ".message");
                }
                for (String key : keys) {
                    assertThat(RULES.messages().find(lang, key)).as(lang + " " + key).isNotBlank();
                }
            }
        }
    }

    @Test
    void messageBundlesShouldNotHoldTextsForRulesThatDoNotExist() throws IOException {
        for (String lang : Messages.LANGUAGES) {
            for (String line : Files.readAllLines(Path.of("rules/messages/messages_" + lang + ".properties"))) {
                Matcher m = Pattern.compile("^([A-Z]{2}-\\d{3})\\.").matcher(line);
                if (m.find()) {
                    assertThat(RULES.catalogue()).as(lang + ": " + line).containsKey(m.group(1));
                }
            }
        }
    }

    @Test
    void everyClauseOfThePolicyClauseMapShouldBeEncodedByAtLeastOneRule() throws IOException {
        Set<String> mapped = new TreeSet<>();
        for (String line : Files.readAllLines(TestResources.path("policy/clause-map.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                mapped.add(line.strip());
            }
        }
        assertThat(mapped).hasSize(21).allMatch(id -> id.matches("[AB]-[0-9.]+"));
        Set<String> cited = new TreeSet<>();
        RULES.catalogue().values().forEach(r -> cited.addAll(r.clauses()));
        assertThat(cited).containsAll(mapped);
    }

    @Test
    void generalProgrammeWeightsShouldSumTo100AndEachDimensionMaximumShouldBeReachable() {
        Programme general = RULES.tables().programme("general");
        assertThat(general.maxScore()).isEqualByComparingTo("100");
        for (var w : general.weights().entrySet()) {
            // the table points are written for the general programme, so its scale factor is exactly 1
            assertThat(EVALUATOR.baseMaximum("general", w.getKey())).as(w.getKey()).isEqualByComparingTo(w.getValue());
        }
        assertThat(general.weights()).containsEntry("domesticCompute", new BigDecimal("25"))
                .containsEntry("keyTechnology", new BigDecimal("30")).containsEntry("greenTransformation", new BigDecimal("15"))
                .containsEntry("aiApplication", new BigDecimal("20")).containsEntry("innovationEcosystem", new BigDecimal("10"));
    }

    @Test
    void gradeShouldFollowTheProgrammeBandsOnBothSidesOfEachThreshold() {
        Programme general = RULES.tables().programme("general");
        assertThat(general.grade(new BigDecimal("80"))).isEqualTo("A");
        assertThat(general.grade(new BigDecimal("79.99"))).isEqualTo("B");
        assertThat(general.grade(new BigDecimal("65"))).isEqualTo("B");
        assertThat(general.grade(new BigDecimal("64.99"))).isEqualTo("C");
        assertThat(general.grade(new BigDecimal("50"))).isEqualTo("C");
        assertThat(general.grade(new BigDecimal("49.99"))).isEqualTo("D");
        assertThat(general.grade(BigDecimal.ZERO)).isEqualTo("D");
    }

    @Test
    void chipRegistryShouldKnowTheDomesticAndForeignVendorsOfThePolicy() {
        PolicyTables t = RULES.tables();
        for (String domestic : List.of("Ascend 910B", "huawei ascend 910c", "Cambricon MLU590", "Hygon DCU K100",
                "Kunlunxin P800", "Moore Threads MTT S4000", "Biren BR100", "MetaX C500", "Iluvatar BI-V100", "Enflame T20")) {
            assertThat(t.chip(domestic)).as(domestic).isNotNull().extracting(PolicyTables.ChipModel::domestic).isEqualTo(true);
        }
        for (String foreign : List.of("NVIDIA A800", "nvidia-h20", "AMD MI300X", "Intel Gaudi 3")) {
            assertThat(t.chip(foreign)).as(foreign).isNotNull().extracting(PolicyTables.ChipModel::domestic).isEqualTo(false);
        }
        assertThat(t.chip("Quantum Q1")).isNull();
    }

    @Test
    void everyFieldWithCodesShouldTakeThemFromATableWithNamesInBothLanguages() {
        var schema = RULES.schema();
        for (String path : List.of("program", "applicant.type", "applicant.qualifications", "techAreas", "scenario.sector",
                "scenario.manufacturingStages")) {
            var codes = schema.field(path).codes();
            assertThat(codes).as(path).isNotNull();
            assertThat(codes.codes()).as(path).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.nameZh()).isNotBlank().isNotEqualTo(c.code()))
                    .allSatisfy(c -> assertThat(c.nameEn()).isNotBlank());
        }
        assertThat(schema.field("techAreas").codes().values()).hasSize(18).contains("AI_CHIP", "DECISION_AI");
        assertThat(schema.field("applicant.type").codes().values())
                .containsExactly("ENTERPRISE", "UNIVERSITY", "RESEARCH_INSTITUTE", "CONSORTIUM");
    }
}
