package org.policyevaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyevaluator.TestSupport.evaluate;
import static org.policyevaluator.TestSupport.finding;
import static org.policyevaluator.TestSupport.with;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both sides of every band threshold in tables/scoring.csv, under the default programme. */
class ScoringBandsTest {

    @ParameterizedTest(name = "{0}: {1} = {2} gives {3}")
    @CsvSource({
            "DC-010, compute.trainingDomesticShare, 0.9, 10",
            "DC-010, compute.trainingDomesticShare, 0.89, 8",
            "DC-010, compute.trainingDomesticShare, 0.7, 8",
            "DC-010, compute.trainingDomesticShare, 0.69, 6",
            "DC-010, compute.trainingDomesticShare, 0.5, 6",
            "DC-010, compute.trainingDomesticShare, 0.49, 3",
            "DC-010, compute.trainingDomesticShare, 0.3, 3",
            "DC-010, compute.trainingDomesticShare, 0.29, ",
            "DC-020, compute.inferenceDomesticShare, 0.9, 6",
            "DC-020, compute.inferenceDomesticShare, 0.89, 5",
            "DC-020, compute.inferenceDomesticShare, 0.7, 5",
            "DC-020, compute.inferenceDomesticShare, 0.69, 3",
            "DC-020, compute.inferenceDomesticShare, 0.5, 3",
            "DC-020, compute.inferenceDomesticShare, 0.49, 2",
            "DC-020, compute.inferenceDomesticShare, 0.3, 2",
            "DC-020, compute.inferenceDomesticShare, 0.29, ",
            "KT-040, innovation.inventionPatents, 10, 7",
            "KT-040, innovation.inventionPatents, 9, 5",
            "KT-040, innovation.inventionPatents, 5, 5",
            "KT-040, innovation.inventionPatents, 4, 3",
            "KT-040, innovation.inventionPatents, 1, 3",
            "KT-040, innovation.inventionPatents, 0, ",
            "KT-050, innovation.softwareCopyrights, 5, 3",
            "KT-050, innovation.softwareCopyrights, 4, 1",
            "KT-050, innovation.softwareCopyrights, 1, 1",
            "KT-050, innovation.softwareCopyrights, 0, ",
            "GR-010, green.energySavingPercent, 20, 5",
            "GR-010, green.energySavingPercent, 19.9, 3",
            "GR-010, green.energySavingPercent, 10, 3",
            "GR-010, green.energySavingPercent, 9.9, 1",
            "GR-010, green.energySavingPercent, 5, 1",
            "GR-010, green.energySavingPercent, 4.9, ",
            "GR-020, green.carbonReductionTons, 10000, 3",
            "GR-020, green.carbonReductionTons, 9999, 2",
            "GR-020, green.carbonReductionTons, 1000, 2",
            "GR-020, green.carbonReductionTons, 999, 1",
            "GR-020, green.carbonReductionTons, 100, 1",
            "GR-020, green.carbonReductionTons, 99, ",
            "GR-030, green.dataCenterPue, 1.25, 2",
            "GR-030, green.dataCenterPue, 1.26, 1.5",
            "GR-030, green.dataCenterPue, 1.3, 1.5",
            "GR-030, green.dataCenterPue, 1.31, 1",
            "GR-030, green.dataCenterPue, 1.5, 1",
            "GR-030, green.dataCenterPue, 1.51, ",
            "AP-050, scenario.deploymentSites, 10, 3",
            "AP-050, scenario.deploymentSites, 9, 2",
            "AP-050, scenario.deploymentSites, 3, 2",
            "AP-050, scenario.deploymentSites, 2, 1",
            "AP-050, scenario.deploymentSites, 1, 1",
            "AP-050, scenario.deploymentSites, 0, ",
            "IE-030, innovation.standards, 3, 1.5",
            "IE-030, innovation.standards, 2, 1",
            "IE-030, innovation.standards, 1, 1",
            "IE-030, innovation.standards, 0, ",
            "IE-080, budget.selfFunded, 500, 1",
            "IE-080, budget.selfFunded, 499, ",
    })
    void evaluateWhenValueIsAtOrBelowBandShouldAwardThatBand(String rule, String path, double value, BigDecimal points) {
        Object json = path.startsWith("innovation.") || path.equals("scenario.deploymentSites") ? (Object) (int) value : value;
        Evaluation e = evaluate(plausible(with(path, json)));
        if (points == null) {
            assertThat(finding(e, rule)).isEmpty();
        } else {
            assertThat(finding(e, rule)).hasValueSatisfying(f -> assertThat(f.points()).isEqualByComparingTo(points));
        }
    }

    @ParameterizedTest(name = "AP-010: {0} stages give {1}")
    @CsvSource({"5, 6", "4, 4", "3, 4", "2, 3", "1, 1", "0, "})
    void evaluateWhenStagesAreCoveredShouldAwardStageBand(int stages, BigDecimal points) {
        List<String> all = List.of("RND_DESIGN", "PILOT_VERIFICATION", "PRODUCTION", "MARKETING_SERVICE",
                "OPERATIONS_MANAGEMENT");
        Evaluation e = evaluate(plausible(with("scenario.manufacturingStages", all.subList(0, stages))));
        if (points == null) {
            assertThat(finding(e, "AP-010")).isEmpty();
        } else {
            assertThat(finding(e, "AP-010").orElseThrow().points()).isEqualByComparingTo(points);
        }
    }

    @ParameterizedTest(name = "{0}: {1} = true gives {2}")
    @CsvSource({
            "DC-030, compute.domesticComputingCenter, 4",
            "DC-040, compute.domesticSoftwareStack, 3",
            "DC-050, compute.cloudEdgeDevice, 2",
            "GR-040, green.greenFactory, 2",
            "GR-050, green.greenSupplyChain, 2",
            "AP-020, scenario.industryModel, 4",
            "IE-020, applicant.inNationalCluster, 1",
            "IE-040, innovation.openSource, 1",
            "IE-070, innovation.openCall, 1",
    })
    void evaluateWhenDeclaredYesShouldAwardAndWhenNoOrAbsentShouldNot(String rule, String path, BigDecimal points) {
        assertThat(finding(evaluate(plausible(with(path, true))), rule).orElseThrow().points()).isEqualByComparingTo(points);
        assertThat(finding(evaluate(with(path, false)), rule)).isEmpty();
        assertThat(finding(evaluate(with()), rule)).isEmpty();
    }

    /**
     * A project in which a band's claim is plausible, so that no flag holds its points: a manufacturer (stages,
     * green factory, industry model) with a domestic inventory (declared shares and a PUE need one).
     */
    private static tools.jackson.databind.node.ObjectNode plausible(tools.jackson.databind.node.ObjectNode app) {
        app.withObject("scenario").put("sector", "MANUFACTURING");
        if (!app.path("compute").has("chips")) {
            app.withObject("compute").set("chips", org.policyevaluator.TestSupport.chips("Ascend 910B", 8));
        }
        return app;
    }
}
