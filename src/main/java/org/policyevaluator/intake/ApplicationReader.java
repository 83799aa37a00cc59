package org.policyevaluator.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.ApplicantType;
import org.policyevaluator.model.ManufacturingStage;
import org.policyevaluator.model.Qualification;
import org.policyevaluator.model.Sector;
import org.policyevaluator.model.TechArea;
import tools.jackson.databind.JsonNode;

/**
 * Binds one application's JSON tree to the canonical model, checking every field against SPEC.md and
 * collecting every problem with its JSON path, rather than stopping at the first. Unknown fields are
 * ignored. Instances are cheap; use one per application.
 */
public final class ApplicationReader {
    private final String root;
    private final Set<String> programmes;
    private final List<Problem> problems = new ArrayList<>();

    /** @param root the JSON path of the application in its file, e.g. "$[3]" or "$" */
    public ApplicationReader(String root, Set<String> programmes) {
        this.root = root;
        this.programmes = programmes;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The application, or null when the node is not an object at all. Check {@link #problems()} either way. */
    public Application read(JsonNode node) {
        if (node == null || !node.isObject()) {
            problems.add(new Problem(root, "expected an application object, found " + kind(node)));
            return null;
        }
        String id = string(node, "applicationId", true);
        String title = string(node, "title", true);
        String program = string(node, "program", false);
        if (program != null && !programmes.contains(program)) {
            problem("program", "unknown programme \"" + program + "\"; expected one of: "
                    + String.join(", ", programmes.stream().sorted().toList()));
            program = null;
        }
        Application.Applicant applicant = applicant(node);
        List<TechArea> techAreas = enumList(node, "techAreas", "techAreas", TechArea.class);
        return new Application(id, title, program, applicant, techAreas, compute(node), green(node), scenario(node),
                innovation(node), budget(node), safety(node));
    }

    private Application.Applicant applicant(JsonNode app) {
        JsonNode a = object(app, "applicant", true);
        if (a == null) {
            return null;
        }
        String name = string(a, "applicant.name", true);
        String code = string(a, "applicant.creditCode", false);
        if (code != null) {
            code = code.trim().toUpperCase(Locale.ROOT);
            String wrong = CreditCode.problem(code);
            if (wrong != null) {
                problem("applicant.creditCode", wrong);
            }
        }
        return new Application.Applicant(name, code, enumValue(a, "applicant.type", ApplicantType.class),
                enumList(a, "qualifications", "applicant.qualifications", Qualification.class),
                bool(a, "applicant.inNationalCluster"), string(a, "applicant.region", false));
    }

    private Application.Compute compute(JsonNode app) {
        JsonNode c = object(app, "compute", false);
        if (c == null) {
            return null;
        }
        List<Application.Chip> chips = null;
        JsonNode list = c.get("chips");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                problem("compute.chips", "expected a list of {\"model\", \"count\"}, found " + kind(list));
            } else {
                chips = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    String path = "compute.chips[" + i + "]";
                    JsonNode chip = list.get(i);
                    if (!chip.isObject()) {
                        problem(path, "expected {\"model\": \"Ascend 910B\", \"count\": 512}, found " + kind(chip));
                        continue;
                    }
                    String model = string(chip, path + ".model", true);
                    Integer count = count(chip, path + ".count");
                    if (count == null && !has(chip, "count")) {
                        problem(path + ".count", "required: the number of cards of this model");
                    }
                    chips.add(new Application.Chip(model, count));
                }
                chips = List.copyOf(chips);
            }
        }
        return new Application.Compute(chips, share(c, "compute.trainingDomesticShare"),
                share(c, "compute.inferenceDomesticShare"), bool(c, "compute.domesticComputingCenter"),
                bool(c, "compute.domesticSoftwareStack"), bool(c, "compute.cloudEdgeDevice"));
    }

    private Application.Green green(JsonNode app) {
        JsonNode g = object(app, "green", false);
        if (g == null) {
            return null;
        }
        return new Application.Green(
                number(g, "green.energySavingPercent", 0, 100, "a percentage from 0 to 100"),
                number(g, "green.carbonReductionTons", 0, Double.MAX_VALUE, "tonnes per year, 0 or more"),
                number(g, "green.dataCenterPue", 1.0, Double.MAX_VALUE, "a PUE of 1.0 or more"),
                bool(g, "green.greenFactory"), bool(g, "green.greenSupplyChain"));
    }

    private Application.Scenario scenario(JsonNode app) {
        JsonNode s = object(app, "scenario", false);
        if (s == null) {
            return null;
        }
        return new Application.Scenario(enumValue(s, "scenario.sector", Sector.class),
                enumList(s, "manufacturingStages", "scenario.manufacturingStages", ManufacturingStage.class),
                bool(s, "scenario.industryModel"), count(s, "scenario.deploymentSites"));
    }

    private Application.Innovation innovation(JsonNode app) {
        JsonNode i = object(app, "innovation", false);
        if (i == null) {
            return null;
        }
        return new Application.Innovation(count(i, "innovation.inventionPatents"),
                count(i, "innovation.softwareCopyrights"), count(i, "innovation.standards"),
                bool(i, "innovation.openSource"), count(i, "innovation.academicPartners"),
                count(i, "innovation.internationalPartners"), bool(i, "innovation.openCall"));
    }

    private Application.Budget budget(JsonNode app) {
        JsonNode b = object(app, "budget", true);
        if (b == null) {
            return null;
        }
        Double total = positive(b, "budget.total", true);
        Double requested = positive(b, "budget.requested", true);
        Double selfFunded = number(b, "budget.selfFunded", 0, Double.MAX_VALUE, "an amount in 万元, 0 or more");
        Integer months = count(b, "budget.months");
        if (months != null && months == 0) {
            problem("budget.months", "expected a duration of 1 month or more, found 0");
        }
        return new Application.Budget(total, requested, selfFunded, months);
    }

    private Application.Safety safety(JsonNode app) {
        JsonNode s = object(app, "safety", false);
        if (s == null) {
            return null;
        }
        return new Application.Safety(bool(s, "safety.securityAssessment"), bool(s, "safety.personalDataProtection"));
    }

    // ---- field readers: each reports its own problem and returns null when the value cannot be used ----

    private JsonNode object(JsonNode parent, String field, boolean required) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problem(field, "required: an object");
            }
            return null;
        }
        if (!n.isObject()) {
            problem(field, "expected an object, found " + kind(n));
            return null;
        }
        return n;
    }

    private String string(JsonNode parent, String path, boolean required) {
        JsonNode n = parent.get(last(path));
        if (n == null || n.isNull()) {
            if (required) {
                problem(path, "required: a non-empty text");
            }
            return null;
        }
        if (!n.isString()) {
            problem(path, "expected a text, found " + kind(n));
            return null;
        }
        String s = n.stringValue();
        if (s.isBlank()) {
            if (required) {
                problem(path, "required: a non-empty text, found an empty one");
            }
            return null;
        }
        return s;
    }

    private Boolean bool(JsonNode parent, String path) {
        JsonNode n = parent.get(last(path));
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            problem(path, "expected true or false, found " + kind(n));
            return null;
        }
        return n.booleanValue();
    }

    private Double share(JsonNode parent, String path) {
        return number(parent, path, 0, 1, "a share from 0 to 1 (e.g. 0.72 for 72%)");
    }

    private Double positive(JsonNode parent, String path, boolean required) {
        JsonNode n = parent.get(last(path));
        if ((n == null || n.isNull()) && required) {
            problem(path, "required: an amount in 万元 greater than 0");
            return null;
        }
        Double v = number(parent, path, 0, Double.MAX_VALUE, "an amount in 万元 greater than 0");
        if (v != null && v == 0) {
            problem(path, "expected an amount in 万元 greater than 0, found 0");
            return null;
        }
        return v;
    }

    private Double number(JsonNode parent, String path, double min, double max, String expected) {
        JsonNode n = parent.get(last(path));
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            problem(path, "expected " + expected + ", found " + kind(n));
            return null;
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            problem(path, "expected " + expected + ", found a number too large to use");
            return null;
        }
        if (v < min || v > max) {
            problem(path, "expected " + expected + ", found " + n);
            return null;
        }
        return v;
    }

    private Integer count(JsonNode parent, String path) {
        JsonNode n = parent.get(last(path));
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber() || !n.canConvertToExactIntegral()) {
            problem(path, "expected a whole number, 0 or more, found " + kind(n));
            return null;
        }
        var big = n.bigIntegerValue();
        if (big.signum() < 0) {
            problem(path, "expected a whole number, 0 or more, found " + n);
            return null;
        }
        if (big.bitLength() > 31) {
            problem(path, "expected a whole number up to " + Integer.MAX_VALUE + ", found " + n);
            return null;
        }
        return big.intValue();
    }

    private <E extends Enum<E>> E enumValue(JsonNode parent, String path, Class<E> type) {
        JsonNode n = parent.get(last(path));
        if (n == null || n.isNull()) {
            return null;
        }
        return enumOf(n, path, type);
    }

    private <E extends Enum<E>> List<E> enumList(JsonNode parent, String field, String path, Class<E> type) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            problem(path, "expected a list of " + allowed(type) + ", found " + kind(n));
            return null;
        }
        List<E> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            E e = enumOf(n.get(i), path + "[" + i + "]", type);
            if (e != null && !out.contains(e)) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    private <E extends Enum<E>> E enumOf(JsonNode n, String path, Class<E> type) {
        if (!n.isString()) {
            problem(path, "expected one of " + allowed(type) + ", found " + kind(n));
            return null;
        }
        String s = n.stringValue().trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        problem(path, "unknown value \"" + s + "\"; expected one of " + allowed(type));
        return null;
    }

    private static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map((Function<Enum<?>, String>) Enum::name)
                .collect(Collectors.joining(", "));
    }

    private static boolean has(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n != null && !n.isNull();
    }

    private static String last(String path) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        return field;
    }

    private void problem(String path, String message) {
        problems.add(new Problem(root + "." + path, message));
    }

    static String kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return "nothing";
        }
        if (n.isString()) {
            String s = n.stringValue();
            return "the text \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (n.isNumber()) {
            return "the number " + n;
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? "true" : "false";
        }
        if (n.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
