package org.policyevaluator.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.ApplicantType;
import org.policyevaluator.model.FieldPaths;
import org.policyevaluator.rules.PolicyTables;
import org.policyevaluator.rules.Programme;

/**
 * Derives the facts the rules score from: everything that needs the reference tables (chip registry,
 * technology tiers, sector categories, qualification levels) or arithmetic on several fields.
 * Policy choices stay in the tables and the DRL; this class only classifies and computes.
 */
final class ProfileDeriver {
    /** The counts of which the largest is checked for plausibility, in the order {@code innovation(...)} reads them. */
    private static final List<String> COUNT_PATHS = List.of("innovation.inventionPatents", "innovation.softwareCopyrights",
            "innovation.standards", "innovation.academicPartners", "innovation.internationalPartners",
            "scenario.deploymentSites");

    private final PolicyTables tables;
    /** programme -> its required fields, each with the accessors that read it. */
    private final Map<String, Map<String, java.lang.reflect.Method[]>> requiredFields = new java.util.HashMap<>();

    ProfileDeriver(PolicyTables tables) {
        this.tables = tables;
        for (Programme p : tables.programmes().values()) {
            Map<String, java.lang.reflect.Method[]> fields = new java.util.LinkedHashMap<>();
            for (String path : p.requiredFields()) {
                fields.put(path, FieldPaths.accessors(path));
            }
            requiredFields.put(p.id(), fields);
        }
    }

    Profile derive(Application app, Programme programme) {
        Profile p = new Profile();
        p.program = programme.id();
        applicant(app, p);
        techAreas(app, p);
        compute(app, p);
        green(app, p);
        scenario(app, p);
        innovation(app, p);
        budget(app, p);
        if (app.safety() != null) {
            p.securityAssessment = app.safety().securityAssessment();
            p.personalDataProtection = app.safety().personalDataProtection();
        }
        List<String> missing = new ArrayList<>();
        for (var field : requiredFields.get(programme.id()).entrySet()) {
            if (field.getValue() == null || !FieldPaths.isDeclared(app, field.getValue())) {
                missing.add(field.getKey());
            }
        }
        p.missingRequired = List.copyOf(missing);
        p.minDomesticShare = programme.parameters().get("minDomesticShare");
        p.sectorAllowed = programme.requiredSectors().isEmpty()
                || (p.sector != null && programme.requiredSectors().contains(p.sector));
        return p;
    }

    private void applicant(Application app, Profile p) {
        var a = app.applicant();
        if (a == null) {
            return;
        }
        p.applicantType = a.type() == null ? null : a.type().name();
        p.consortium = a.type() == ApplicantType.CONSORTIUM;
        p.inNationalCluster = a.inNationalCluster();
        if (a.qualifications() != null) {
            Map<Integer, List<String>> byLevel = new TreeMap<>();
            List<String> all = new ArrayList<>();
            for (var q : a.qualifications()) {
                all.add(q.name());
                var info = tables.qualification(q.name());
                if (info != null) {
                    byLevel.computeIfAbsent(info.level(), k -> new ArrayList<>()).add(q.name());
                }
            }
            p.qualifications = List.copyOf(all);
            p.qualificationsByLevel = Collections.unmodifiableMap(byLevel);
            p.bestQualificationLevel = byLevel.isEmpty() ? 0 : ((TreeMap<Integer, List<String>>) byLevel).firstKey();
        }
    }

    private void techAreas(Application app, Profile p) {
        if (app.techAreas() == null || app.techAreas().isEmpty()) {
            return;
        }
        Set<String> areas = new LinkedHashSet<>();
        TreeMap<Integer, List<String>> byTier = new TreeMap<>();
        List<String> safety = new ArrayList<>();
        List<String> future = new ArrayList<>();
        boolean allGeneral = true;
        for (var area : app.techAreas()) {
            if (!areas.add(area.name())) {
                continue;
            }
            var info = tables.techArea(area.name());
            if (info == null) {
                allGeneral = false;
                continue;
            }
            byTier.computeIfAbsent(info.tier(), k -> new ArrayList<>()).add(area.name());
            if (info.safetyAssessment()) {
                safety.add(area.name());
            }
            if (info.futureIndustry()) {
                future.add(area.name());
            }
            allGeneral &= info.generalPurpose();
        }
        p.techAreas = Collections.unmodifiableSet(areas);
        p.areasByTier = Collections.unmodifiableMap(byTier);
        p.bestTier = byTier.isEmpty() ? 0 : byTier.firstKey();
        p.safetyAreas = List.copyOf(safety);
        p.futureAreas = List.copyOf(future);
        p.generalPurposeOnly = allGeneral;
    }

    private void compute(Application app, Profile p) {
        var c = app.compute();
        if (c == null) {
            return;
        }
        p.trainingShareDeclared = c.trainingDomesticShare();
        p.inferenceShareDeclared = c.inferenceDomesticShare();
        p.domesticComputingCenter = c.domesticComputingCenter();
        p.domesticSoftwareStack = c.domesticSoftwareStack();
        p.cloudEdgeDevice = c.cloudEdgeDevice();
        if (c.chips() != null && !c.chips().isEmpty()) {
            double domestic = 0;
            double known = 0;
            List<String> unknown = new ArrayList<>();
            List<String> summary = new ArrayList<>();
            for (var chip : c.chips()) {
                int count = chip.count() == null ? 0 : chip.count();
                var model = tables.chip(chip.model());
                if (model == null) {
                    p.unknownCards += count;
                    if (!unknown.contains(chip.model())) {
                        unknown.add(chip.model());
                    }
                    summary.add(chip.model() + "*" + count + " (?)");
                    continue;
                }
                double compute = model.relativeCompute() * count;
                known += compute;
                if (model.domestic()) {
                    domestic += compute;
                    p.domesticCards += count;
                } else {
                    p.foreignCards += count;
                }
                summary.add(chip.model() + "*" + count + (model.domestic() ? " (domestic)" : " (foreign)"));
            }
            p.unknownModels = List.copyOf(unknown);
            p.chipSummary = String.join("; ", summary);
            p.inventoryShare = known > 0 ? round(domestic / known) : null;
        }
        p.trainingShare = effectiveShare(p.trainingShareDeclared, p.inventoryShare);
        p.inferenceShare = effectiveShare(p.inferenceShareDeclared, p.inventoryShare);
        p.computeShare = p.inventoryShare != null ? p.inventoryShare
                : p.trainingShareDeclared != null ? p.trainingShareDeclared : p.inferenceShareDeclared;
        p.trainingShareExcess = excess(p.trainingShareDeclared, p.inventoryShare);
        p.inferenceShareExcess = excess(p.inferenceShareDeclared, p.inventoryShare);
    }

    /** The declared share, but never more than the inventory supports; the inventory's share when none is declared. */
    private static Double effectiveShare(Double declared, Double inventory) {
        if (inventory == null) {
            return declared;
        }
        return declared == null ? inventory : Math.min(declared, inventory);
    }

    private static Double excess(Double declared, Double inventory) {
        return declared == null || inventory == null ? null : round(declared - inventory);
    }

    private void green(Application app, Profile p) {
        var g = app.green();
        if (g == null) {
            return;
        }
        p.energySavingPercent = g.energySavingPercent();
        p.carbonReductionTons = g.carbonReductionTons();
        p.dataCenterPue = g.dataCenterPue();
        p.greenFactory = g.greenFactory();
        p.greenSupplyChain = g.greenSupplyChain();
    }

    private void scenario(Application app, Profile p) {
        var s = app.scenario();
        if (s == null) {
            return;
        }
        if (s.sector() != null) {
            p.sector = s.sector().name();
            var info = tables.sector(p.sector);
            p.sectorCategory = info == null ? null : info.category();
            p.personalDataScenario = info != null && info.personalData();
        }
        if (s.manufacturingStages() != null) {
            Set<String> stages = new LinkedHashSet<>();
            s.manufacturingStages().forEach(st -> stages.add(st.name()));
            p.stages = List.copyOf(stages);
            p.stagesCovered = stages.size();
        }
        p.industryModel = s.industryModel();
        p.deploymentSites = s.deploymentSites();
    }

    private void innovation(Application app, Profile p) {
        var i = app.innovation();
        if (i != null) {
            p.inventionPatents = i.inventionPatents();
            p.softwareCopyrights = i.softwareCopyrights();
            p.standards = i.standards();
            p.openSource = i.openSource();
            p.academicPartners = i.academicPartners();
            p.internationalPartners = i.internationalPartners();
            p.openCall = i.openCall();
        }
        Profile.Count largest = null;
        Integer[] counts = {i == null ? null : i.inventionPatents(), i == null ? null : i.softwareCopyrights(),
                i == null ? null : i.standards(), i == null ? null : i.academicPartners(),
                i == null ? null : i.internationalPartners(), app.scenario() == null ? null : app.scenario().deploymentSites()};
        for (int k = 0; k < counts.length; k++) {
            Integer n = counts[k];
            if (n != null && (largest == null || n > largest.value())) {
                largest = new Profile.Count(COUNT_PATHS.get(k), n);
            }
        }
        p.largestCount = largest;
    }

    private void budget(Application app, Profile p) {
        var b = app.budget();
        if (b == null) {
            return;
        }
        p.budgetTotal = b.total();
        p.budgetRequested = b.requested();
        p.budgetSelfFunded = b.selfFunded();
        p.months = b.months();
        if (b.total() != null && b.total() > 0) {
            if (b.requested() != null) {
                p.requestedShare = round(b.requested() / b.total());
            }
            if (b.selfFunded() != null) {
                p.selfFundedShare = round(b.selfFunded() / b.total());
                if (b.requested() != null) {
                    p.budgetGapRatio = round(Math.abs(b.requested() + b.selfFunded() - b.total()) / b.total());
                }
            }
            if (p.carbonReductionTons != null) {
                p.carbonPerWan = round(p.carbonReductionTons / b.total());
            }
        }
    }

    /** Derived ratios are kept to 4 decimals so that evidence reads cleanly and compares exactly. */
    static Double round(double v) {
        double scaled = v * 10_000;
        double fraction = Math.abs(scaled - Math.rint(scaled));
        if (Math.abs(scaled) < 1e9 && Math.abs(fraction - 0.5) > 1e-6) {
            // clear of a tie, the nearest integer is the decimal rounding, and dividing it gives the nearest
            // double, as BigDecimal would (+ 0.0 turns -0.0 into 0.0, as BigDecimal does)
            return Math.rint(scaled) / 10_000 + 0.0;
        }
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
