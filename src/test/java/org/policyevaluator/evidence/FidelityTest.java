package org.policyevaluator.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.evaluation.Outcome;
import org.policyevaluator.evaluation.Ranking;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.report.CatalogueReport;
import tools.jackson.databind.node.ObjectNode;

/** What the rule base says against the policy's text, put right (line numbers of the source). */
class FidelityTest {

    private static ObjectNode read(Path p) throws Exception {
        return (ObjectNode) JsonIntake.mapper().readTree(Files.readString(p));
    }

    @Test
    void aiChipProjectShouldOutrankAnIndustryModelPlatformOnImportedCompute() throws Exception {
        // line 29: 集中力量攻克GPU等高端AI芯片、AI基础软件生态 comes first
        Outcome chip = TestSupport.EVALUATOR.decide(TestSupport.bind(read(Path.of("samples", "ai-chip-little-giant.json"))),
                "general");
        Outcome steel = TestSupport.EVALUATOR.decide(TestSupport.bind(read(
                Path.of("src", "test", "resources", "evidence", "steel-llm-platform-imported-compute.json"))), "general");
        Map<String, Ranking.Placement> ranking = Ranking.place(List.of(steel, chip), TestSupport.RULES.tables());
        assertThat(ranking.get(chip.applicationId()).rank()).isEqualTo(1);
        assertThat(chip.totalScore()).isGreaterThan(steel.totalScore());
        assertThat(chip.findings()).extracting(Outcome.Award::ruleId).contains("DC-060", "KT-010").doesNotContain("DC-010");
        assertThat(steel.pending()).isEmpty();
    }

    @Test
    void buildingDomesticChipsShouldCountAsDomesticComputeOnlyWithAStackForDomesticChips() {
        Evaluation with = TestSupport.evaluate(TestSupport.with("techAreas", List.of("AI_CHIP"), "compute.domesticSoftwareStack", true));
        assertThat(TestSupport.finding(with, "DC-060").orElseThrow().points()).isEqualByComparingTo("10");
        Evaluation without = TestSupport.evaluate(TestSupport.with("techAreas", List.of("AI_CHIP")));
        assertThat(TestSupport.finding(without, "DC-060")).isEmpty();
        Evaluation model = TestSupport.evaluate(TestSupport.with("techAreas", List.of("AGENT"), "compute.domesticSoftwareStack", true,
                "safety.securityAssessment", true));
        assertThat(TestSupport.finding(model, "DC-060")).isEmpty();
    }

    @Test
    void generalFoundationModelShouldCountAtTierTwoOnlyWhenDifferentiated() {
        // line 31: 人工智能不能仅局限于大模型技术发展 … 加强专用人工智能、决策式人工智能发展
        Evaluation generic = TestSupport.evaluate(TestSupport.with("techAreas", List.of("FOUNDATION_MODEL"),
                "safety.securityAssessment", true));
        assertThat(TestSupport.finding(generic, "KT-030")).isPresent();
        assertThat(TestSupport.finding(generic, "KT-020")).isEmpty();
        Evaluation industry = TestSupport.evaluate(TestSupport.with("techAreas", List.of("FOUNDATION_MODEL"),
                "safety.securityAssessment", true, "scenario.industryModel", true, "scenario.sector", "ENERGY"));
        assertThat(TestSupport.finding(industry, "KT-020")).isPresent();
        Evaluation decision = TestSupport.evaluate(TestSupport.with("techAreas", List.of("DECISION_AI")));
        assertThat(TestSupport.finding(decision, "KT-020")).isPresent();
        Evaluation theory = TestSupport.evaluate(TestSupport.with("techAreas", List.of("BASIC_THEORY")));
        assertThat(TestSupport.finding(theory, "KT-020")).isPresent();
        Evaluation dataset = TestSupport.evaluate(TestSupport.with("techAreas", List.of("DATASET")));
        assertThat(TestSupport.finding(dataset, "KT-030")).isPresent();
    }

    @Test
    void catalogueShouldShowWhichRulesArePolicyAndWhichProgrammeDesign() {
        var catalogue = CatalogueReport.build(TestSupport.EVALUATOR, "general");
        var byId = new java.util.HashMap<String, CatalogueReport.Entry>();
        catalogue.rules().forEach(e -> byId.put(e.id(), e));
        assertThat(byId.get("FL-054").basis()).isEqualTo("programme");
        assertThat(byId.get("IE-080").basis()).isEqualTo("programme");
        assertThat(byId.get("KT-010").basis()).isEqualTo("policy");
        assertThat(byId.get("FL-060").consequence()).isEqualTo("hold");
        assertThat(byId.get("FL-060").holds()).containsExactly("DC-010", "DC-020", "DC-030");
        assertThat(byId.get("GR-030").clauses()).extracting(c -> c.quote()).contains("降低人力成本与能源消耗");
    }

    @Test
    void clausesEncodedSinceShouldScoreAGreenParkAndANewArchitecture() {
        // B-3: 加快布局绿色工厂、绿色园区 — a green park earns a green factory's place, never both
        Evaluation park = TestSupport.evaluate(TestSupport.with("green.inGreenPark", true, "scenario.sector", "MANUFACTURING"));
        assertThat(TestSupport.finding(park, "GR-045").orElseThrow().points()).isEqualByComparingTo("2");
        Evaluation both = TestSupport.evaluate(TestSupport.with("green.inGreenPark", true, "green.greenFactory", true,
                "scenario.sector", "MANUFACTURING"));
        assertThat(TestSupport.finding(both, "GR-040")).isPresent();
        assertThat(TestSupport.finding(both, "GR-045")).isEmpty();
        // a park claimed without its listing waits for it
        Evaluation unbacked = TestSupport.EVALUATOR.evaluate(TestSupport.bind(TestSupport.with("green.inGreenPark", true,
                "scenario.sector", "MANUFACTURING")), "general", "zh");
        assertThat(unbacked.pending()).extracting(Evaluation.PendingAward::ruleId).containsExactly("GR-045");
        // Transformer架构之外的创新架构大量涌现
        Evaluation architecture = TestSupport.evaluate(TestSupport.with("techAreas", List.of("NEW_ARCHITECTURE"),
                "safety.securityAssessment", true));
        assertThat(TestSupport.finding(architecture, "KT-020")).isPresent();
    }

    @Test
    void greenCaseAndEmpowermentCentreShouldScoreAsLine45NamesThem() {
        // 遴选发布“人工智能+绿色转型”优秀案例
        Evaluation greenCase = TestSupport.evaluate(TestSupport.with("green.aiGreenCase", true));
        assertThat(TestSupport.finding(greenCase, "GR-070").orElseThrow().points()).isEqualByComparingTo("1");
        assertThat(TestSupport.finding(TestSupport.evaluate(TestSupport.with("green.aiGreenCase", false)), "GR-070")).isEmpty();
        Evaluation unlisted = TestSupport.EVALUATOR.evaluate(TestSupport.bind(TestSupport.with("green.aiGreenCase", true)),
                "general", "en");
        assertThat(unlisted.pending()).extracting(Evaluation.PendingAward::ruleId).containsExactly("GR-070");
        // 加快建设人工智能行业赋能中心 … 打造行业专用大模型 — one of the two counts, for a named sector
        Evaluation centre = TestSupport.evaluate(TestSupport.with("scenario.industryEnablementCenter", true,
                "scenario.sector", "ENERGY"));
        assertThat(TestSupport.finding(centre, "AP-060").orElseThrow().points()).isEqualByComparingTo("4");
        assertThat(TestSupport.finding(centre, "AP-060").orElseThrow().reason()).contains("能源");
        Evaluation both = TestSupport.evaluate(TestSupport.with("scenario.industryEnablementCenter", true,
                "scenario.sector", "ENERGY", "scenario.industryModel", true));
        assertThat(both.findings()).extracting(Evaluation.Finding::ruleId).contains("AP-020").doesNotContain("AP-060");
        Evaluation noSector = TestSupport.evaluate(TestSupport.with("scenario.industryEnablementCenter", true));
        assertThat(TestSupport.finding(noSector, "AP-060")).isEmpty();
    }

    @Test
    void chineseOrIndustryDatasetsShouldScoreOnlyWhenSharedOpenly() {
        // 多类型中文数据集建设和开放共享
        Evaluation shared = TestSupport.evaluate(TestSupport.with("innovation.datasets", List.of("CHINESE_LANGUAGE"),
                "innovation.openSource", true));
        assertThat(TestSupport.finding(shared, "KT-070").orElseThrow().points()).isEqualByComparingTo("2");
        assertThat(TestSupport.finding(shared, "KT-070").orElseThrow().reason()).contains("高质量中文数据集");
        Evaluation closed = TestSupport.evaluate(TestSupport.with("innovation.datasets", List.of("INDUSTRY")));
        assertThat(TestSupport.finding(closed, "KT-070")).isEmpty();
        // a dataset project already counted by KT-060 is not counted twice
        Evaluation area = TestSupport.evaluate(TestSupport.with("innovation.datasets", List.of("INDUSTRY"),
                "innovation.openSource", true, "techAreas", List.of("DATASET")));
        assertThat(area.findings()).extracting(Evaluation.Finding::ruleId).contains("KT-060").doesNotContain("KT-070");
    }

    @Test
    void cooperationShouldCountMoreWhenAnEnterpriseOrALeadingEnterprisesConsortiumLeadsIt() {
        // 坚持落实企业创新主体地位: 支持龙头企业牵头组建创新联合体
        Evaluation enterprise = TestSupport.evaluate(TestSupport.with("innovation.academicPartners", 2));
        assertThat(TestSupport.finding(enterprise, "IE-052").orElseThrow().points()).isEqualByComparingTo("1.5");
        assertThat(TestSupport.finding(enterprise, "IE-050")).isEmpty();
        Evaluation university = TestSupport.evaluate(TestSupport.with("applicant.type", "UNIVERSITY",
                "innovation.academicPartners", 2));
        assertThat(TestSupport.finding(university, "IE-050").orElseThrow().points()).isEqualByComparingTo("1");
        assertThat(TestSupport.finding(university, "IE-052")).isEmpty();
        Evaluation led = TestSupport.evaluate(TestSupport.with("applicant.type", "CONSORTIUM",
                "applicant.qualifications", List.of("LEADING_ENTERPRISE")));
        assertThat(TestSupport.finding(led, "IE-051").orElseThrow().points()).isEqualByComparingTo("1.5");
        assertThat(TestSupport.finding(led, "IE-050")).isEmpty();
        Evaluation consortium = TestSupport.evaluate(TestSupport.with("applicant.type", "CONSORTIUM"));
        assertThat(consortium.findings()).extracting(Evaluation.Finding::ruleId).contains("IE-050")
                .doesNotContain("IE-051", "IE-052");
    }

    @Test
    void socialCapitalShouldCountForAKeyTechnologyFromItsShareOfTheBudget() {
        // 引导地方、社会资本投向关键核心技术 (ie.minSocialCapitalShare 0.2 of a total of 1000)
        Evaluation at = TestSupport.evaluate(TestSupport.with("techAreas", List.of("AI_CHIP"), "budget.selfFunded", 300,
                "budget.socialCapital", 200));
        assertThat(TestSupport.finding(at, "IE-085").orElseThrow().points()).isEqualByComparingTo("1");
        assertThat(TestSupport.finding(at, "IE-080")).isEmpty();
        Evaluation below = TestSupport.evaluate(TestSupport.with("techAreas", List.of("AI_CHIP"), "budget.selfFunded", 300,
                "budget.socialCapital", 199));
        assertThat(TestSupport.finding(below, "IE-085")).isEmpty();
        Evaluation tierThree = TestSupport.evaluate(TestSupport.with("techAreas", List.of("DATASET"), "budget.selfFunded", 300,
                "budget.socialCapital", 200));
        assertThat(TestSupport.finding(tierThree, "IE-085")).isEmpty();
        // with the applicant's own half, co-funding counts once either way
        Evaluation own = TestSupport.evaluate(TestSupport.with("techAreas", List.of("AI_CHIP"), "budget.requested", 500,
                "budget.selfFunded", 500, "budget.socialCapital", 200));
        assertThat(own.findings()).extracting(Evaluation.Finding::ruleId).contains("IE-085").doesNotContain("IE-080");
        // more social capital than the self-funding it is part of: flagged, its point held
        Evaluation more = TestSupport.evaluate(TestSupport.with("techAreas", List.of("AI_CHIP"), "budget.selfFunded", 100,
                "budget.socialCapital", 300));
        assertThat(TestSupport.flag(more, "FL-031")).isPresent();
        assertThat(TestSupport.finding(more, "IE-085")).isEmpty();
        assertThat(more.pending()).extracting(Evaluation.PendingAward::ruleId).containsExactly("IE-085");
        // without its investment agreement, the point waits
        Evaluation unbacked = TestSupport.EVALUATOR.evaluate(TestSupport.bind(TestSupport.with("techAreas", List.of("AI_CHIP"),
                "budget.selfFunded", 300, "budget.socialCapital", 200)), "general", "zh");
        assertThat(unbacked.pending()).extracting(Evaluation.PendingAward::ruleId).containsExactly("IE-085");
    }
}
