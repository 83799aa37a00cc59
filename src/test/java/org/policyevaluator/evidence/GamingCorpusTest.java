package org.policyevaluator.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyevaluator.TestSupport.chips;
import static org.policyevaluator.TestSupport.set;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.evaluation.Evaluation;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applications that try to score what they should not. Each must stay under grade B unless a reviewer is
 * asked to look (review.required), and raise the flag or hold it is named with. Evaluated as submitted:
 * no evidence is added for them.
 */
class GamingCorpusTest {

    private static Evaluation evaluate(ObjectNode app) {
        return TestSupport.EVALUATOR.evaluate(TestSupport.bind(app), "general", "zh");
    }

    /** Everything ticked: every qualification, cluster, green claims, domestic shares, every stage, large counts. */
    private static ObjectNode claimEverything() {
        ObjectNode app = TestSupport.minimal();
        set(app, "applicant.qualifications", List.of("LEADING_ENTERPRISE", "LITTLE_GIANT", "NATIONAL_SMART_FACTORY",
                "SPECIALIZED_SME", "HIGH_TECH_ENTERPRISE"));
        set(app, "applicant.inNationalCluster", true);
        set(app, "techAreas", List.of("AI_CHIP", "AI_BASIC_SOFTWARE", "EMBODIED_AI", "DATASET"));
        set(app, "compute.trainingDomesticShare", 1.0);
        set(app, "compute.inferenceDomesticShare", 1.0);
        set(app, "compute.domesticComputingCenter", true);
        set(app, "compute.domesticSoftwareStack", true);
        set(app, "compute.cloudEdgeDevice", true);
        set(app, "green.energySavingPercent", 30);
        set(app, "green.carbonReductionTons", 20000);
        set(app, "green.dataCenterPue", 1.2);
        set(app, "green.greenFactory", true);
        set(app, "green.greenSupplyChain", true);
        set(app, "scenario.sector", "MANUFACTURING");
        set(app, "scenario.manufacturingStages", List.of("RND_DESIGN", "PILOT_VERIFICATION", "PRODUCTION",
                "MARKETING_SERVICE", "OPERATIONS_MANAGEMENT"));
        set(app, "scenario.industryModel", true);
        set(app, "scenario.deploymentSites", 50);
        set(app, "innovation.inventionPatents", 5000);
        set(app, "innovation.softwareCopyrights", 800);
        set(app, "innovation.standards", 40);
        set(app, "innovation.openSource", true);
        set(app, "innovation.academicPartners", 5);
        set(app, "innovation.internationalPartners", 3);
        set(app, "innovation.openCall", true);
        set(app, "safety.securityAssessment", true);
        set(app, "budget.total", 20);
        set(app, "budget.requested", 10);
        set(app, "budget.selfFunded", 10);
        set(app, "budget.months", 3);
        return app;
    }

    private static void assertHeldBelowB(Evaluation e) {
        if (e.grade().equals("A") || e.grade().equals("B")) {
            assertThat(e.review().required()).as(e.applicationId() + " reaches " + e.grade() + " without a review").isTrue();
        }
    }

    private static List<String> flagIds(Evaluation e) {
        return e.flags().stream().map(Evaluation.FlagResult::ruleId).toList();
    }

    private static List<String> pendingIds(Evaluation e) {
        return e.pending().stream().map(Evaluation.PendingAward::ruleId).toList();
    }

    @Test
    void claimEverythingStudioWithoutEvidenceShouldHaveItsClaimsWithheld() {
        Evaluation e = evaluate(claimEverything());
        assertThat(e.declaredScore()).isGreaterThan(e.totalScore());
        assertThat(pendingIds(e)).contains("KT-040", "KT-050", "IE-010", "IE-020", "IE-030", "GR-040", "GR-050", "GR-020",
                "AP-050");
        assertThat(flagIds(e)).contains("FL-052", "FL-055", "FL-056");
        assertThat(e.review().required()).isTrue();
        assertThat(e.review().blocked()).isTrue();
        assertThat(e.eligible()).isFalse();
        assertHeldBelowB(e);
    }

    @Test
    void claimEverythingWithWellFormedEvidenceShouldStillBeHeldForItsBudget() {
        Evaluation e = evaluate(TestSupport.backed(claimEverything()));
        assertThat(flagIds(e)).contains("FL-055", "FL-056");
        assertThat(e.review().required()).isTrue();
        assertThat(e.eligible()).isFalse();
        assertThat(pendingIds(e)).contains("KT-040", "KT-050", "IE-030", "AP-050");
        assertHeldBelowB(e);
    }

    @Test
    void foreignCardsWrittenWithSuffixesShouldBeRecognisedAsForeign() {
        ObjectNode app = TestSupport.with("compute.trainingDomesticShare", 1.0, "compute.inferenceDomesticShare", 1.0);
        app.withObject("compute").set("chips", chips("NVIDIA H100 SXM5 80GB", 4096));
        Evaluation e = evaluate(app);
        assertThat(TestSupport.finding(e, "DC-010")).isEmpty();
        assertThat(TestSupport.finding(e, "DC-020")).isEmpty();
        assertThat(flagIds(e)).contains("FL-010", "FL-011").doesNotContain("FL-060");
        // the compute programme's domestic gate fails
        Evaluation compute = TestSupport.EVALUATOR.evaluate(TestSupport.bind(app), "compute", "zh");
        assertThat(TestSupport.gate(compute, "GT-050").passed()).isFalse();
    }

    @Test
    void chipsWrittenInChineseShouldBeRecognisedAsDomestic() {
        ObjectNode app = TestSupport.with("compute.trainingDomesticShare", 1.0);
        app.withObject("compute").set("chips", chips("华为昇腾910B", 512, "寒武纪 MLU370-X8", 64));
        Evaluation e = evaluate(app);
        assertThat(flagIds(e)).doesNotContain("FL-060");
        assertThat(TestSupport.finding(e, "DC-010").orElseThrow().points()).isEqualByComparingTo("10");
    }

    @Test
    void cardsTheRegistryMissesShouldCountAsForeignAndHoldTheDomesticPoints() {
        ObjectNode app = TestSupport.with("compute.trainingDomesticShare", 1.0, "compute.domesticComputingCenter", true);
        app.withObject("compute").set("chips", chips("Ascend 910B", 100, "XH-9000 Turbo", 4096));
        Evaluation e = evaluate(app);
        Evaluation.FlagResult unknown = TestSupport.flag(e, "FL-060").orElseThrow();
        assertThat(unknown.consequence()).isEqualTo("hold");
        assertThat(e.review().required()).isTrue();
        assertThat(TestSupport.finding(e, "DC-010")).isEmpty();
        assertThat(TestSupport.finding(e, "DC-030")).isEmpty();
        assertThat(e.dimensionScore("domesticCompute")).isEqualByComparingTo("0");
    }

    @Test
    void unknownCardShouldNameTheClosestRegistryEntry() {
        ObjectNode app = TestSupport.minimal();
        set(app, "compute.chips", List.of());
        app.withObject("compute").set("chips", chips("H1OO", 8));
        Evaluation e = TestSupport.EVALUATOR.evaluate(TestSupport.bind(app), "general", "en");
        assertThat(TestSupport.flag(e, "FL-060").orElseThrow().message()).contains("did you mean").contains("NVIDIA H100");
    }

    @Test
    void inferenceCardsShouldNotRaiseTheTrainingShare() {
        ObjectNode app = TestSupport.with("compute.trainingDomesticShare", 0.9);
        app.withObject("compute").set("chips", chips("Ascend 310P", 2000, "A100", 100));
        Evaluation e = evaluate(app);
        // by compute the inventory is 82% domestic, but every training card is an A100
        assertThat(TestSupport.finding(e, "DC-010")).isEmpty();
        assertThat(flagIds(e)).contains("FL-010");
    }

    @Test
    void declaredShareWithoutInventoryShouldBeCapped() {
        Evaluation e = evaluate(TestSupport.with("compute.trainingDomesticShare", 1.0));
        assertThat(TestSupport.finding(e, "DC-010").orElseThrow().points()).isEqualByComparingTo("8");
        Evaluation under = evaluate(TestSupport.with("compute.trainingDomesticShare", 0.69));
        assertThat(TestSupport.finding(under, "DC-010").orElseThrow().points()).isEqualByComparingTo("6");
    }

    @Test
    void universityClaimingEnterpriseQualificationsShouldBeHeld() {
        ObjectNode app = TestSupport.with("applicant.type", "UNIVERSITY",
                "applicant.qualifications", List.of("LEADING_ENTERPRISE", "NATIONAL_SMART_FACTORY"));
        Evaluation e = evaluate(TestSupport.backed(app));
        assertThat(TestSupport.flag(e, "FL-080").orElseThrow().consequence()).isEqualTo("hold");
        assertThat(TestSupport.finding(e, "IE-010")).isEmpty();
        assertThat(pendingIds(e)).containsExactly("IE-010");
        assertThat(e.pending().get(0).heldBy()).containsExactly("FL-080");
        // an enterprise with the same claims and evidence is not held
        Evaluation firm = evaluate(TestSupport.backed(TestSupport.with("applicant.qualifications",
                List.of("LEADING_ENTERPRISE", "NATIONAL_SMART_FACTORY"))));
        assertThat(flagIds(firm)).doesNotContain("FL-080");
        assertThat(TestSupport.finding(firm, "IE-010")).isPresent();
        assertThat(firm.review().required()).isFalse();
    }

    @Test
    void duplicatedReferencesShouldCountOnce() {
        ObjectNode app = TestSupport.with("innovation.inventionPatents", 10);
        ArrayNode refs = app.withObject("evidence").putArray("innovation.inventionPatents");
        for (int i = 0; i < 10; i++) {
            refs.add("ZL201710601862.3");
        }
        Evaluation e = evaluate(app);
        // backed by one distinct patent: the 1-patent band
        assertThat(TestSupport.finding(e, "KT-040").orElseThrow().points()).isEqualByComparingTo("3");
        assertThat(e.pending()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("KT-040");
            assertThat(p.points()).isEqualByComparingTo("4");
            assertThat(p.reason()).isEqualTo("发明专利数：申报 10，有效且不重复的发明专利号仅 1 个");
        });
    }

    @Test
    void pendingOfAGroupShouldBeOnlyWhatTheGroupLosesAsItStands() {
        // the little giant (level 1) lacks its listing, the high-tech listing (level 2) is given: IE-011 stands
        ObjectNode app = TestSupport.with("applicant.qualifications", List.of("LITTLE_GIANT", "HIGH_TECH_ENTERPRISE"));
        app.withObject("evidence").putArray("applicant.qualifications.HIGH_TECH_ENTERPRISE").add("高新技术企业 2022");
        Evaluation e = evaluate(app);
        assertThat(TestSupport.finding(e, "IE-011")).isPresent();
        assertThat(e.pending()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("IE-010");
            assertThat(p.points()).isEqualByComparingTo("1");
            assertThat(p.claims()).containsExactly("applicant.qualifications.LITTLE_GIANT");
        });
        assertThat(e.declaredScore().subtract(e.totalScore())).isEqualByComparingTo("1");
    }

    @Test
    void malformedReferenceShouldBeALocatedProblem() {
        ObjectNode app = TestSupport.with("innovation.inventionPatents", 2);
        app.withObject("evidence").putArray("innovation.inventionPatents").add("ZL201710601862.3").add("ZL201710601862.4");
        assertThat(TestSupport.problems(app)).containsExactly(
                "$.evidence[\"innovation.inventionPatents\"][1]: check character is '4' but the first 12 digits give '3'");
        ObjectNode unknown = TestSupport.minimal();
        unknown.withObject("evidence").putArray("innovation.patents").add("x");
        assertThat(TestSupport.problems(unknown)).singleElement().asString()
                .startsWith("$.evidence[\"innovation.patents\"]: \"innovation.patents\" is not a claim that takes evidence");
    }

    @Test
    void greenClaimsByANonManufacturerShouldBeHeld() {
        ObjectNode app = TestSupport.backed(TestSupport.with("scenario.sector", "FINANCE", "green.greenFactory", true,
                "green.greenSupplyChain", true));
        Evaluation e = evaluate(app);
        assertThat(TestSupport.flag(e, "FL-082").orElseThrow().consequence()).isEqualTo("hold");
        assertThat(pendingIds(e)).containsExactlyInAnyOrder("GR-040", "GR-050");
        assertThat(e.dimensionScore("greenTransformation")).isEqualByComparingTo("0");
    }

    @Test
    void genericChatbotTickingIndustryModelShouldBeHeld() {
        ObjectNode app = TestSupport.with("techAreas", List.of("FOUNDATION_MODEL", "AGENT"), "scenario.industryModel", true,
                "scenario.sector", "OTHER", "safety.securityAssessment", true);
        Evaluation e = evaluate(app);
        assertThat(TestSupport.flag(e, "FL-041").orElseThrow().consequence()).isEqualTo("hold");
        assertThat(TestSupport.finding(e, "AP-020")).isEmpty();
        assertThat(pendingIds(e)).containsExactly("AP-020");
        // an industry model in manufacturing is not held
        Evaluation factory = evaluate(TestSupport.with("scenario.industryModel", true, "scenario.sector", "MANUFACTURING"));
        assertThat(flagIds(factory)).doesNotContain("FL-041");
        assertThat(TestSupport.finding(factory, "AP-020")).isPresent();
    }

    @Test
    void pueWithoutComputeAndStagesOutsideManufacturingShouldBeHeld() {
        Evaluation e = evaluate(TestSupport.with("green.dataCenterPue", 1.1, "scenario.sector", "EDUCATION",
                "scenario.manufacturingStages", List.of("PRODUCTION", "RND_DESIGN")));
        assertThat(flagIds(e)).contains("FL-083", "FL-081");
        assertThat(pendingIds(e)).contains("GR-030", "AP-010");
        assertThat(TestSupport.finding(e, "GR-030")).isEmpty();
    }

    @Test
    void applicationWithFullValidEvidenceShouldScoreAsDeclaredWithoutReview() {
        ObjectNode app = TestSupport.with("applicant.qualifications", List.of("LITTLE_GIANT"), "applicant.inNationalCluster", true,
                "innovation.inventionPatents", 12, "innovation.softwareCopyrights", 6, "innovation.standards", 3,
                "green.greenFactory", true, "scenario.sector", "MANUFACTURING", "budget.total", 3000, "budget.requested", 1000);
        Evaluation e = evaluate(TestSupport.backed(app.deepCopy()));
        assertThat(e.pending()).isEmpty();
        assertThat(e.review().required()).isFalse();
        assertThat(e.totalScore()).isEqualByComparingTo(e.declaredScore());
        assertThat(pendingIds(evaluate(app))).contains("KT-040", "KT-050", "IE-010", "IE-020", "IE-030", "GR-040");
    }
}
