package org.policyevaluator.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.PairMap;
import org.policyevaluator.model.Slots;
import org.policyevaluator.rules.PolicyTables;
import org.policyevaluator.rules.Programme;

/**
 * The facts that need code, derived once per application and programme and read by the rules by their
 * names ({@code derived.trainingShare}): the domestic share of compute weighted by the chip registry's
 * relative compute, the declared shares capped by it, budget ratios, the largest declared count, and the
 * declarations the programme requires that are missing. Everything a rule can decide from a field or a
 * code table it reads itself ({@link Facts}).
 */
final class Derivations {
    /** Every derived fact, with what it is (as {@code rules check} and docs/authoring.md list them). */
    static final Map<String, String> NAMES = names(
            "derived.inventoryDomesticShare", "share of the chip inventory's compute on domestic chips (registry relative compute × count; a card the registry does not know counts as foreign, at chip.unknownRelativeCompute)",
            "derived.trainingInventoryShare", "the same share among training-class cards (and unknown ones); the whole inventory's when it has none",
            "derived.trainingShare", "declared domestic share of training compute, capped by the training-class inventory's; the inventory's when none is declared; without an inventory capped at compute.maxShareWithoutInventory",
            "derived.inferenceShare", "the same for inference compute",
            "derived.computeShare", "domestic share of the project's compute: the inventory's, else the declared training share, else the inference share",
            "derived.trainingShareExcess", "declared training share minus the inventory's",
            "derived.inferenceShareExcess", "declared inference share minus the inventory's",
            "derived.domesticCards", "cards of domestic models in the inventory",
            "derived.foreignCards", "cards of foreign models in the inventory",
            "derived.unknownCards", "cards of models not in the registry",
            "derived.unknownChipModels", "models in the inventory that are not in the registry",
            "derived.closestChipModels", "for each unknown model, the registry's closest names",
            "derived.chipSummary", "the inventory, each model with its count and origin (domestic, foreign, unknown)",
            "derived.requestedShare", "requested funding / total budget",
            "derived.selfFundedShare", "self-funded / total budget",
            "derived.socialCapitalShare", "social capital drawn in / total budget",
            "derived.budgetGapRatio", "|requested + self-funded − total| / total",
            "derived.carbonTonsPerWan", "carbon reduction (t/yr) per 万元 of total budget",
            "derived.ipPerWan", "invention patents plus software copyrights per 万元 of total budget",
            "derived.standardsPerWan", "standards per 万元 of total budget",
            "derived.sitesPerWan", "deployment sites per 万元 of total budget",
            "derived.largestCount", "the largest of the declared counts (patents, copyrights, standards, partners, sites)",
            "derived.largestCountField", "the field of that count",
            "derived.missingRequired", "the fields the programme requires (programs.csv requiredFields) that are not declared");

    /** Each derived fact's place in what {@link #derive} returns: NAMES' order. */
    private static final Slots SLOTS = new Slots(List.copyOf(NAMES.keySet()));

    /** The counts of which the largest is checked for plausibility. */
    private static final List<String> COUNT_PATHS = List.of("innovation.inventionPatents", "innovation.softwareCopyrights",
            "innovation.standards", "innovation.academicPartners", "innovation.internationalPartners",
            "scenario.deploymentSites");

    private final PolicyTables tables;

    Derivations(PolicyTables tables) {
        this.tables = tables;
    }

    /** The derived facts of an application under a programme, in the order of NAMES; null where there is none. */
    Object[] derive(Application app, Programme programme) {
        Derived d = new Derived(new Object[NAMES.size()]);
        compute(app, programme, d);
        budget(app, d);
        Integer largest = null;
        for (String path : COUNT_PATHS) {
            Integer n = app.integer(path);
            if (n != null && (largest == null || n > largest)) {
                largest = n;
                d.put("derived.largestCountField", path);
            }
        }
        d.put("derived.largestCount", largest);
        List<String> missing = new ArrayList<>();
        for (String path : programme.requiredFields()) {
            if (!app.isDeclared(path)) {
                missing.add(path);
            }
        }
        d.put("derived.missingRequired", List.copyOf(missing));
        return d.values;
    }

    /** The derived facts being filled in, by name. */
    private record Derived(Object[] values) {
        void put(String name, Object value) {
            values[SLOTS.slot(name)] = value;
        }
    }

    private void compute(Application app, Programme programme, Derived d) {
        Double trainingDeclared = app.number("compute.trainingDomesticShare");
        Double inferenceDeclared = app.number("compute.inferenceDomesticShare");
        Double inventory = null;
        Double trainingInventory = null;
        List<Map<String, Object>> chips = app.items("compute.chips");
        if (!chips.isEmpty()) {
            double unknownCompute = tables.num(programme.id(), "chip.unknownRelativeCompute");
            double domestic = 0;
            double all = 0;
            double trainingDomestic = 0;
            double training = 0;
            int domesticCards = 0;
            int foreignCards = 0;
            int unknownCards = 0;
            List<String> unknown = new ArrayList<>();
            List<String> closest = new ArrayList<>();
            List<Map<String, Object>> summary = new ArrayList<>();
            for (Map<String, Object> chip : chips) {
                String name = (String) chip.get("model");
                int count = chip.get("count") instanceof Number n ? n.intValue() : 0;
                var model = tables.chip(name);
                if (model == null) {
                    // not domestic until a reviewer classifies it, and weighed as a large training card
                    unknownCards += count;
                    all += unknownCompute * count;
                    training += unknownCompute * count;
                    if (!unknown.contains(name)) {
                        unknown.add(name);
                        closest.addAll(tables.closestChips(name));
                    }
                    summary.add(chip(name, count, "unknown"));
                    continue;
                }
                double compute = model.relativeCompute() * count;
                all += compute;
                if (model.training()) {
                    training += compute;
                }
                if (model.domestic()) {
                    domestic += compute;
                    domesticCards += count;
                    if (model.training()) {
                        trainingDomestic += compute;
                    }
                } else {
                    foreignCards += count;
                }
                summary.add(chip(name, count, model.domestic() ? "domestic" : "foreign"));
            }
            inventory = all > 0 ? round(domestic / all) : null;
            trainingInventory = training > 0 ? round(trainingDomestic / training) : inventory;
            d.put("derived.domesticCards", domesticCards);
            d.put("derived.foreignCards", foreignCards);
            d.put("derived.unknownCards", unknownCards);
            d.put("derived.unknownChipModels", List.copyOf(unknown));
            d.put("derived.closestChipModels", List.copyOf(closest.stream().distinct().toList()));
            d.put("derived.chipSummary", List.copyOf(summary));
        }
        d.put("derived.inventoryDomesticShare", inventory);
        d.put("derived.trainingInventoryShare", trainingInventory);
        double cap = tables.num(programme.id(), "compute.maxShareWithoutInventory");
        d.put("derived.trainingShare", effectiveShare(trainingDeclared, trainingInventory, cap));
        d.put("derived.inferenceShare", effectiveShare(inferenceDeclared, inventory, cap));
        Double declared = trainingDeclared != null ? trainingDeclared : inferenceDeclared;
        d.put("derived.computeShare", inventory != null ? inventory
                : declared == null ? null : Double.valueOf(Math.min(declared, cap)));
        d.put("derived.trainingShareExcess", excess(trainingDeclared, trainingInventory));
        d.put("derived.inferenceShareExcess", excess(inferenceDeclared, inventory));
    }

    /** A chip of the inventory as evidence: model, count and where the registry puts it, worded when shown. */
    private static Map<String, Object> chip(String model, int count, String origin) {
        return new PairMap("model", model, "count", count, "origin", origin);
    }

    /** The declared share, but never more than the inventory supports; the inventory's share when none is declared. */
    private static Double effectiveShare(Double declared, Double inventory, double capWithoutInventory) {
        if (inventory == null) {
            return declared == null ? null : Math.min(declared, capWithoutInventory);
        }
        return declared == null ? inventory : Math.min(declared, inventory);
    }

    private static Double excess(Double declared, Double inventory) {
        return declared == null || inventory == null ? null : round(declared - inventory);
    }

    private static void budget(Application app, Derived d) {
        Double total = app.number("budget.total");
        Double requested = app.number("budget.requested");
        Double selfFunded = app.number("budget.selfFunded");
        if (total == null || total <= 0) {
            return;
        }
        if (requested != null) {
            d.put("derived.requestedShare", round(requested / total));
        }
        if (selfFunded != null) {
            d.put("derived.selfFundedShare", round(selfFunded / total));
            if (requested != null) {
                d.put("derived.budgetGapRatio", round(Math.abs(requested + selfFunded - total) / total));
            }
        }
        Double socialCapital = app.number("budget.socialCapital");
        if (socialCapital != null) {
            d.put("derived.socialCapitalShare", round(socialCapital / total));
        }
        Integer patents = app.integer("innovation.inventionPatents");
        Integer copyrights = app.integer("innovation.softwareCopyrights");
        if (patents != null || copyrights != null) {
            d.put("derived.ipPerWan", round(((patents == null ? 0 : patents) + (copyrights == null ? 0 : copyrights)) / total));
        }
        Integer standards = app.integer("innovation.standards");
        if (standards != null) {
            d.put("derived.standardsPerWan", round(standards / total));
        }
        Integer sites = app.integer("scenario.deploymentSites");
        if (sites != null) {
            d.put("derived.sitesPerWan", round(sites / total));
        }
        Double carbon = app.number("green.carbonReductionTons");
        if (carbon != null) {
            d.put("derived.carbonTonsPerWan", round(carbon / total));
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

    private static Map<String, String> names(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
