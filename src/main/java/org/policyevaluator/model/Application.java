package org.policyevaluator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One project application in the canonical shape of SPEC.md. Every part may be null ("not declared"),
 * except the fields SPEC.md marks required ({@link #REQUIRED}), which intake guarantees.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Application(
        String applicationId,
        String title,
        String program,
        Applicant applicant,
        List<TechArea> techAreas,
        Compute compute,
        Green green,
        Scenario scenario,
        Innovation innovation,
        Budget budget,
        Safety safety) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Applicant(String name, String creditCode, ApplicantType type, List<Qualification> qualifications,
                            Boolean inNationalCluster, String region) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chip(String model, Integer count) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Compute(List<Chip> chips, Double trainingDomesticShare, Double inferenceDomesticShare,
                          Boolean domesticComputingCenter, Boolean domesticSoftwareStack, Boolean cloudEdgeDevice) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Green(Double energySavingPercent, Double carbonReductionTons, Double dataCenterPue,
                        Boolean greenFactory, Boolean greenSupplyChain) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scenario(Sector sector, List<ManufacturingStage> manufacturingStages, Boolean industryModel,
                           Integer deploymentSites) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Innovation(Integer inventionPatents, Integer softwareCopyrights, Integer standards,
                             Boolean openSource, Integer academicPartners, Integer internationalPartners,
                             Boolean openCall) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Budget(Double total, Double requested, Double selfFunded, Integer months) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Safety(Boolean securityAssessment, Boolean personalDataProtection) {
    }

    /** Field paths that SPEC.md marks required. */
    public static final List<String> REQUIRED = List.of(
            "applicationId", "title", "applicant.name", "budget.total", "budget.requested");
}
