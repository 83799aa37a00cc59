package org.policyevaluator.tooling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.ApplicationEditor.Change;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.ApplicantType;
import org.policyevaluator.model.ManufacturingStage;
import org.policyevaluator.model.Qualification;
import org.policyevaluator.model.Sector;
import org.policyevaluator.model.TechArea;
import org.policyevaluator.rules.RuleBase;

/**
 * Probe applications that span the domain of every field: two bases (one declaring everything, one
 * declaring almost nothing but a general-purpose model), each varied one field at a time over values
 * from the edges of the field's domain and across its usual thresholds. A rule that fires on none of
 * them cannot fire on any ordinary application.
 */
final class Probes {
    private Probes() {
    }

    static List<Application> applications(RuleBase ruleBase) {
        ApplicationEditor editor = new ApplicationEditor(ruleBase.tables().programmes().keySet());
        Application empty = new Application("PROBE", "probe", null,
                new Application.Applicant("probe", "91350100M000100Y43", ApplicantType.ENTERPRISE, null, null, null),
                null, null, null, null, null, new Application.Budget(1000.0, 400.0, null, null), null);
        Application rich = editor.apply(empty, List.of(
                new Change("techAreas", List.of("AI_CHIP")),
                new Change("applicant.qualifications", List.of("LITTLE_GIANT")),
                new Change("applicant.inNationalCluster", true),
                new Change("compute", Map.of("chips", List.of(Map.of("model", "Ascend 910B", "count", 10)),
                        "trainingDomesticShare", 1.0, "inferenceDomesticShare", 1.0, "domesticComputingCenter", true,
                        "domesticSoftwareStack", true, "cloudEdgeDevice", true)),
                new Change("green", Map.of("energySavingPercent", 20, "carbonReductionTons", 10000, "dataCenterPue", 1.2,
                        "greenFactory", true, "greenSupplyChain", true)),
                new Change("scenario", Map.of("sector", "MANUFACTURING", "manufacturingStages", names(ManufacturingStage.values()),
                        "industryModel", true, "deploymentSites", 10)),
                new Change("innovation", Map.of("inventionPatents", 10, "softwareCopyrights", 5, "standards", 3,
                        "openSource", true, "academicPartners", 1, "internationalPartners", 1, "openCall", true)),
                new Change("budget", Map.of("total", 1000, "requested", 400, "selfFunded", 600, "months", 24)),
                new Change("safety", Map.of("securityAssessment", true, "personalDataProtection", true))));
        Application bare = editor.apply(empty, List.of(new Change("techAreas", List.of("FOUNDATION_MODEL"))));

        List<Application> probes = new ArrayList<>(List.of(rich, bare));
        for (Application base : List.of(rich, bare)) {
            for (var v : variations().entrySet()) {
                for (Object value : v.getValue()) {
                    try {
                        probes.add(editor.apply(base, List.of(new Change(v.getKey(), value))));
                    } catch (ApplicationEditor.InvalidChange skip) {
                        // a value outside what intake accepts is no probe
                    }
                }
            }
        }
        return probes;
    }

    private static Map<String, List<Object>> variations() {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        List<Object> shares = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            shares.add(i / 20.0);
        }
        List<Object> counts = List.of(0, 1, 2, 3, 5, 10, 20, 100, 10_000);
        m.put("compute.trainingDomesticShare", shares);
        m.put("compute.inferenceDomesticShare", shares);
        m.put("compute.chips", List.of(List.of(chip("NVIDIA H100", 10)), List.of(chip("Ascend 910B", 10), chip("NVIDIA H100", 10)),
                List.of(chip("Mystery X1", 3)), List.of()));
        for (String b : List.of("compute.domesticComputingCenter", "compute.domesticSoftwareStack", "compute.cloudEdgeDevice",
                "green.greenFactory", "green.greenSupplyChain", "scenario.industryModel", "innovation.openSource",
                "innovation.openCall", "applicant.inNationalCluster", "safety.securityAssessment",
                "safety.personalDataProtection")) {
            m.put(b, List.of(true, false));
        }
        m.put("green.energySavingPercent", List.of(0, 1, 5, 10, 15, 20, 30, 50, 80, 81, 100));
        m.put("green.carbonReductionTons", List.of(0, 50, 100, 500, 1000, 5000, 10_000, 100_000, 1_000_000, 10_000_000));
        m.put("green.dataCenterPue", List.of(1.0, 1.02, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.4, 1.5, 1.8, 2.5));
        for (String c : List.of("innovation.inventionPatents", "innovation.softwareCopyrights", "innovation.standards",
                "innovation.academicPartners", "innovation.internationalPartners", "scenario.deploymentSites")) {
            m.put(c, counts);
        }
        m.put("budget.months", List.of(1, 2, 3, 6, 12, 24, 36, 72, 100));
        m.put("budget.requested", List.of(100, 300, 500, 501, 999, 1000, 1001));
        m.put("budget.selfFunded", List.of(0, 100, 500, 600, 900));
        m.put("applicant.creditCode", java.util.Collections.singletonList(null));
        m.put("applicant.type", names(ApplicantType.values()));
        m.put("scenario.sector", names(Sector.values()));
        m.put("techAreas", singles(TechArea.values()));
        m.put("applicant.qualifications", singles(Qualification.values()));
        List<Object> stages = new ArrayList<>();
        for (int n = 0; n <= ManufacturingStage.values().length; n++) {
            stages.add(names(Arrays.copyOf(ManufacturingStage.values(), n)));
        }
        m.put("scenario.manufacturingStages", stages);
        return m;
    }

    private static Map<String, Object> chip(String model, int count) {
        return Map.of("model", model, "count", count);
    }

    private static List<Object> names(Enum<?>[] values) {
        List<Object> out = new ArrayList<>();
        for (Enum<?> e : values) {
            out.add(e.name());
        }
        return out;
    }

    private static List<Object> singles(Enum<?>[] values) {
        List<Object> out = new ArrayList<>();
        for (Enum<?> e : values) {
            out.add(List.of(e.name()));
        }
        return out;
    }
}
