package org.policyevaluator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyevaluator.TestSupport.RULES;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.TestSupport;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleBaseException;
import org.policyevaluator.tooling.FieldReference;

/** The application format as the schema defines it, and the one way a list is written as text. */
class ApplicationSchemaTest {
    @TempDir
    Path dir;

    private static FieldDef field(String path) {
        return RULES.schema().field(path);
    }

    @Test
    void fieldsShouldComeInTheSchemasOrderWithTheirTypesAndRequiredness() {
        assertThat(RULES.schema().fields()).extracting(FieldDef::path).startsWith("applicationId", "title", "program",
                "applicant.name", "applicant.creditCode").hasSize(43);
        assertThat(field("budget.total").required()).isTrue();
        assertThat(field("applicant.name").required()).isTrue();
        assertThat(field("compute.trainingDomesticShare").required()).isFalse();
        assertThat(field("compute.trainingDomesticShare").isShare()).isTrue();
        assertThat(field("green.energySavingPercent").isPercent()).isTrue();
        assertThat(field("techAreas").type()).isEqualTo(FieldType.CODE_LIST);
        assertThat(field("compute.chips").type()).isEqualTo(FieldType.ITEMS);
        assertThat(field("applicant.type").codes().name()).isEqualTo("applicant-types");
        assertThat(field("green.dataCenterPue").expected("zh")).isEqualTo("不小于 1.0 的 PUE");
        assertThat(RULES.schema().groups()).extracting(ApplicationSchema.Group::id).containsExactly("project", "applicant",
                "compute", "green", "scenario", "innovation", "budget", "safety");
    }

    @Test
    void servedShouldListEachTablesCodesAsTheFieldsEnum() {
        var served = RULES.schema().served().get("properties");
        assertThat(served.get("applicant").get("properties").get("type").get("enum").toString())
                .isEqualTo("[\"ENTERPRISE\",\"UNIVERSITY\",\"RESEARCH_INSTITUTE\",\"CONSORTIUM\"]");
        assertThat(served.get("techAreas").get("items").get("enum")).hasSize(18);
        assertThat(served.get("program").get("enum").toString()).isEqualTo("[\"general\",\"compute\",\"manufacturing\"]");
        // the file itself names the table, not the codes
        assertThat(RULES.schema().text()).doesNotContain("\"enum\"");
    }

    @Test
    void splitShouldReadEveryListTheSameWayWhateverItWasTypedIn() {
        assertThat(FieldText.split(field("techAreas"), "AI_CHIP; AGENT、DATASET，MULTIMODAL\nWORLD_MODEL"))
                .containsExactly("AI_CHIP", "AGENT", "DATASET", "MULTIMODAL", "WORLD_MODEL");
        assertThat(FieldText.split(field("compute.chips"), "Ascend 910B*512；NVIDIA A800*64\r\nMLU370*8"))
                .containsExactly("Ascend 910B*512", "NVIDIA A800*64", "MLU370*8");
        // a chip list is not split at commas: "1,024" is a count
        assertThat(FieldText.split(field("compute.chips"), "Ascend 910B*1,024")).containsExactly("Ascend 910B*1,024");
    }

    @Test
    void itemShouldReadAChipAsTheSchemasPatternSaysAndFormatShouldWriteItBack() {
        FieldDef chips = field("compute.chips");
        assertThat(FieldText.item(chips, "Ascend 910B * 1,024").toString()).isEqualTo("{\"model\":\"Ascend 910B\",\"count\":1024}");
        assertThat(FieldText.item(chips, "MLU370-X8×16").toString()).isEqualTo("{\"model\":\"MLU370-X8\",\"count\":16}");
        assertThat(FieldText.item(chips, "NVIDIA A800")).isNull();
        assertThat(FieldText.format(chips, List.of(java.util.Map.of("model", "Ascend 910B", "count", 512))))
                .isEqualTo("Ascend 910B*512");
        assertThat(FieldText.format(field("techAreas"), List.of("AI_CHIP", "AGENT"))).isEqualTo("AI_CHIP; AGENT");
    }

    @Test
    void resolveShouldFindACodeByItsCodeOrEitherNameInAnyWidthOrCase() {
        CodeTable types = field("applicant.type").codes();
        assertThat(types.resolve("高校")).isEqualTo("UNIVERSITY");
        assertThat(types.resolve("research institute")).isEqualTo("RESEARCH_INSTITUTE");
        assertThat(types.resolve("ＥＮＴＥＲＰＲＩＳＥ")).isEqualTo("ENTERPRISE");
        assertThat(types.resolve("企业 (ENTERPRISE)")).isEqualTo("ENTERPRISE");
        assertThat(types.resolve("startup")).isNull();
    }

    @Test
    void bindShouldKeepTheCanonicalJsonInTheSchemasOrderWithoutUnknownFields() {
        var json = TestSupport.with("techAreas", List.of("AI_CHIP", "AI_CHIP", "AGENT"), "contact", "x@y",
                "applicant.type", "  UNIVERSITY ");
        Application app = TestSupport.bind(json);
        assertThat(app.codes("techAreas")).containsExactly("AI_CHIP", "AGENT");
        assertThat(app.get("applicant.type")).isEqualTo("UNIVERSITY");
        assertThat(app.toJson().toString()).isEqualTo("{\"applicationId\":\"T-1\",\"title\":\"测试项目\",\"applicant\":"
                + "{\"name\":\"测试公司\",\"creditCode\":\"91350100M000100Y43\",\"type\":\"UNIVERSITY\"},"
                + "\"techAreas\":[\"AI_CHIP\",\"AGENT\"],\"budget\":{\"total\":1000.0,\"requested\":400.0}}");
    }

    @Test
    void toJsonShouldBuildTheJsonAsReadFromTheValuesWithAnEmptyGroupItemsAndEvidence() {
        var json = TestSupport.with("compute.chips", TestSupport.chips("Ascend 910B", 8), "green", Map.of());
        json.withObject("compute").put("cloudEdgeDevice", true);
        json.putObject("evidence").putArray("budget.socialCapital").addObject().put("name", "协议.pdf")
                .put("sha256", "ab".repeat(32));
        Application app = TestSupport.bind(json);
        String read = "{\"applicationId\":\"T-1\",\"title\":\"测试项目\",\"applicant\":"
                + "{\"name\":\"测试公司\",\"creditCode\":\"91350100M000100Y43\",\"type\":\"ENTERPRISE\"},"
                + "\"compute\":{\"chips\":[{\"model\":\"Ascend 910B\",\"count\":8}],\"cloudEdgeDevice\":true},"
                + "\"green\":{},\"budget\":{\"total\":1000.0,\"requested\":400.0},"
                + "\"evidence\":{\"budget.socialCapital\":[{\"name\":\"协议.pdf\",\"sha256\":\"" + "ab".repeat(32) + "\"}]}}";
        assertThat(app.toJson().toString()).isEqualTo(read);
        assertThat(app.items("compute.chips")).containsExactly(Map.of("model", "Ascend 910B", "count", 8));

        // a changed value goes over the JSON as read; the application it came from keeps its own
        Application changed = app.withValues(java.util.Collections.singletonMap("compute.cloudEdgeDevice", null));
        assertThat(changed.toJson().toString()).isEqualTo(read.replace(",\"cloudEdgeDevice\":true", ""));
        assertThat(app.toJson().toString()).isEqualTo(read);
        // each call gives a tree of its own, which the caller may change (the editor sets values in it)
        changed.toJson().put("title", "改过");
        assertThat(changed.toJson().toString()).isEqualTo(read.replace(",\"cloudEdgeDevice\":true", ""));
    }

    @Test
    void fieldReferenceShouldBeWhatTheSchemaWrites() throws Exception {
        Path committed = Path.of("docs", "application-format.md");
        String written = FieldReference.markdown(RULES.schema(), RULES.tables().evidenceClaims());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(committed, written, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(committed, StandardCharsets.UTF_8)).isEqualTo(written);
    }

    @Test
    void loadWhenAFieldNamesATableThatIsNoCodeTableShouldBeRefused() throws Exception {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        Path schema = rules.resolve("schema/application.schema.json");
        Files.writeString(schema, Files.readString(schema).replace("\"x-codes\": \"sectors\"", "\"x-codes\": \"sectorz\""));
        assertThatThrownBy(() -> RuleBase.fromDirectory(rules)).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("schema/application.schema.json: scenario.sector: x-codes names tables/sectorz.csv, "
                        + "which is not a code table (a first column of codes, then nameZh and nameEn)");
    }

    @Test
    void loadWhenARuleReadsAFieldTheSchemaDoesNotHaveShouldNameTheFileAndLine() throws Exception {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        Path drl = rules.resolve("drl/green-transformation.drl");
        Files.writeString(drl, Files.readString(drl).replace("yes(\"green.greenFactory\")", "yes(\"green.greenFactroy\")"));
        assertThatThrownBy(() -> RuleBase.fromDirectory(rules)).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("drl/green-transformation.drl line 42: yes(\"green.greenFactroy\"): green.greenFactroy "
                        + "is neither a field of schema/application.schema.json nor a derived fact");
    }

    @Test
    void loadWhenALookupNamesAColumnTheTableDoesNotHaveShouldSaySo() throws Exception {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        Path drl = rules.resolve("drl/key-technology.drl");
        Files.writeString(drl, Files.readString(drl).replace("lowest(\"techAreas\", \"tier\") == 1",
                "lowest(\"techAreas\", \"level\") == 1"));
        assertThatThrownBy(() -> RuleBase.fromDirectory(rules)).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("lowest(\"techAreas\", \"level\"): the code table tables/tech-areas.csv has no column level");
    }

    @Test
    void programmeWhenItRequiresAFieldTheSchemaDoesNotHaveShouldBeRefused() throws Exception {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        Path programs = rules.resolve("tables/programs.csv");
        Files.writeString(programs, Files.readString(programs).replace("applicant.creditCode;applicant.type;compute.chips",
                "applicant.creditCode;applicant.type;compute.gpus"));
        assertThatThrownBy(() -> RuleBase.fromDirectory(rules)).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("tables/programs.csv: programme compute requires compute.gpus, which is not a field of "
                        + "schema/application.schema.json");
    }
}
