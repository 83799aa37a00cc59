package org.policyevaluator.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one fact the rules see: an application's declarations, flattened, beside the facts derived
 * from them and from the reference tables (the domestic share computed from the chip inventory, the
 * technology tiers touched, manufacturing-stage coverage, budget ratios). Its getters are the
 * vocabulary of the DRL files. Built only by {@link ProfileDeriver}; never changed afterwards.
 */
public final class Profile {

    /** The largest of the declared counts, for the plausibility flag. */
    public record Count(String field, int value) {
        public String getField() {
            return field;
        }

        public int getValue() {
            return value;
        }
    }

    String program;
    String applicantType;
    Boolean inNationalCluster;
    List<String> qualifications = List.of();
    int bestQualificationLevel;
    Map<Integer, List<String>> qualificationsByLevel = Map.of();

    Set<String> techAreas = Set.of();
    int bestTier;
    Map<Integer, List<String>> areasByTier = Map.of();
    List<String> safetyAreas = List.of();
    List<String> futureAreas = List.of();
    boolean generalPurposeOnly;

    Double trainingShareDeclared;
    Double inferenceShareDeclared;
    Double inventoryShare;
    Double trainingShare;
    Double inferenceShare;
    /** The domestic share of the project's compute as a whole: the inventory's, else the declared training share. */
    Double computeShare;
    Double trainingShareExcess;
    Double inferenceShareExcess;
    int domesticCards;
    int foreignCards;
    int unknownCards;
    List<String> unknownModels = List.of();
    String chipSummary;
    Boolean domesticComputingCenter;
    Boolean domesticSoftwareStack;
    Boolean cloudEdgeDevice;

    Double energySavingPercent;
    Double carbonReductionTons;
    Double dataCenterPue;
    Boolean greenFactory;
    Boolean greenSupplyChain;
    Double carbonPerWan;

    String sector;
    String sectorCategory;
    boolean personalDataScenario;
    List<String> stages = List.of();
    int stagesCovered;
    Boolean industryModel;
    Integer deploymentSites;

    Integer inventionPatents;
    Integer softwareCopyrights;
    Integer standards;
    Boolean openSource;
    Integer academicPartners;
    Integer internationalPartners;
    Boolean openCall;
    boolean consortium;
    Count largestCount;

    Double budgetTotal;
    Double budgetRequested;
    Double budgetSelfFunded;
    Integer months;
    Double requestedShare;
    Double selfFundedShare;
    Double budgetGapRatio;

    Boolean securityAssessment;
    Boolean personalDataProtection;
    List<String> missingRequired = List.of();
    /** The programme's minimum domestic share of compute, or null when it sets none. */
    Double minDomesticShare;
    /** False when the programme names the sectors it funds and the application's is not one of them. */
    boolean sectorAllowed = true;

    Profile() {
    }

    public List<String> areasOfTier(int tier) {
        return areasByTier.getOrDefault(tier, List.of());
    }

    public List<String> qualificationsOfLevel(int level) {
        return qualificationsByLevel.getOrDefault(level, List.of());
    }

    public List<String> getTechAreaList() {
        return List.copyOf(techAreas);
    }

    public String getProgram() { return program; }
    public String getApplicantType() { return applicantType; }
    public Boolean getInNationalCluster() { return inNationalCluster; }
    public List<String> getQualifications() { return qualifications; }
    public int getBestQualificationLevel() { return bestQualificationLevel; }
    public Set<String> getTechAreas() { return techAreas; }
    public int getBestTier() { return bestTier; }
    public List<String> getSafetyAreas() { return safetyAreas; }
    public List<String> getFutureAreas() { return futureAreas; }
    public boolean isGeneralPurposeOnly() { return generalPurposeOnly; }
    public Double getTrainingShareDeclared() { return trainingShareDeclared; }
    public Double getInferenceShareDeclared() { return inferenceShareDeclared; }
    public Double getInventoryShare() { return inventoryShare; }
    public Double getTrainingShare() { return trainingShare; }
    public Double getInferenceShare() { return inferenceShare; }
    public Double getComputeShare() { return computeShare; }
    public Double getTrainingShareExcess() { return trainingShareExcess; }
    public Double getInferenceShareExcess() { return inferenceShareExcess; }
    public int getDomesticCards() { return domesticCards; }
    public int getForeignCards() { return foreignCards; }
    public int getUnknownCards() { return unknownCards; }
    public List<String> getUnknownModels() { return unknownModels; }
    public String getChipSummary() { return chipSummary; }
    public Boolean getDomesticComputingCenter() { return domesticComputingCenter; }
    public Boolean getDomesticSoftwareStack() { return domesticSoftwareStack; }
    public Boolean getCloudEdgeDevice() { return cloudEdgeDevice; }
    public Double getEnergySavingPercent() { return energySavingPercent; }
    public Double getCarbonReductionTons() { return carbonReductionTons; }
    public Double getDataCenterPue() { return dataCenterPue; }
    public Boolean getGreenFactory() { return greenFactory; }
    public Boolean getGreenSupplyChain() { return greenSupplyChain; }
    public Double getCarbonPerWan() { return carbonPerWan; }
    public String getSector() { return sector; }
    public String getSectorCategory() { return sectorCategory; }
    public boolean isPersonalDataScenario() { return personalDataScenario; }
    public List<String> getStages() { return stages; }
    public int getStagesCovered() { return stagesCovered; }
    public Boolean getIndustryModel() { return industryModel; }
    public Integer getDeploymentSites() { return deploymentSites; }
    public Integer getInventionPatents() { return inventionPatents; }
    public Integer getSoftwareCopyrights() { return softwareCopyrights; }
    public Integer getStandards() { return standards; }
    public Boolean getOpenSource() { return openSource; }
    public Integer getAcademicPartners() { return academicPartners; }
    public Integer getInternationalPartners() { return internationalPartners; }
    public Boolean getOpenCall() { return openCall; }
    public boolean isConsortium() { return consortium; }
    public Count getLargestCount() { return largestCount; }
    public Double getBudgetTotal() { return budgetTotal; }
    public Double getBudgetRequested() { return budgetRequested; }
    public Double getBudgetSelfFunded() { return budgetSelfFunded; }
    public Integer getMonths() { return months; }
    public Double getRequestedShare() { return requestedShare; }
    public Double getSelfFundedShare() { return selfFundedShare; }
    public Double getBudgetGapRatio() { return budgetGapRatio; }
    public Boolean getSecurityAssessment() { return securityAssessment; }
    public Boolean getPersonalDataProtection() { return personalDataProtection; }
    public List<String> getMissingRequired() { return missingRequired; }
    public Double getMinDomesticShare() { return minDomesticShare; }
    public boolean isSectorAllowed() { return sectorAllowed; }
}
