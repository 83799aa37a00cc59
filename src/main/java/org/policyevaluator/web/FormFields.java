package org.policyevaluator.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.model.ApplicantType;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.FieldPaths;
import org.policyevaluator.model.ManufacturingStage;
import org.policyevaluator.model.Qualification;
import org.policyevaluator.model.Sector;
import org.policyevaluator.model.TechArea;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The self-assessment form: one input per canonical field (SPEC.md), grouped as the application is,
 * and the conversion of what was typed into the canonical JSON that intake validates — so the form
 * is checked by the same rules, and its messages carry the same paths, as a JSON file.
 */
final class FormFields {
    public enum Kind { TEXT, NUMBER, INTEGER, BOOL, ENUM, ENUM_LIST, CHIPS, PROGRAM }

    public record Field(String path, Kind kind, boolean required, Class<? extends Enum<?>> type) {
        public String group() {
            int dot = path.indexOf('.');
            return dot < 0 ? "project" : path.substring(0, dot);
        }

        public String id() {
            return "f-" + path.replace('.', '-');
        }
    }

    public record Group(String id, List<Field> fields) {
    }

    static final List<Field> FIELDS = List.of(
            f("applicationId", Kind.TEXT, true), f("title", Kind.TEXT, true), f("program", Kind.PROGRAM, false),
            e("techAreas", Kind.ENUM_LIST, TechArea.class),
            f("applicant.name", Kind.TEXT, true), f("applicant.creditCode", Kind.TEXT, false),
            e("applicant.type", Kind.ENUM, ApplicantType.class),
            e("applicant.qualifications", Kind.ENUM_LIST, Qualification.class),
            f("applicant.inNationalCluster", Kind.BOOL, false), f("applicant.region", Kind.TEXT, false),
            f("compute.chips", Kind.CHIPS, false), f("compute.trainingDomesticShare", Kind.NUMBER, false),
            f("compute.inferenceDomesticShare", Kind.NUMBER, false),
            f("compute.domesticComputingCenter", Kind.BOOL, false),
            f("compute.domesticSoftwareStack", Kind.BOOL, false), f("compute.cloudEdgeDevice", Kind.BOOL, false),
            f("green.energySavingPercent", Kind.NUMBER, false), f("green.carbonReductionTons", Kind.NUMBER, false),
            f("green.dataCenterPue", Kind.NUMBER, false), f("green.greenFactory", Kind.BOOL, false),
            f("green.greenSupplyChain", Kind.BOOL, false),
            e("scenario.sector", Kind.ENUM, Sector.class),
            e("scenario.manufacturingStages", Kind.ENUM_LIST, ManufacturingStage.class),
            f("scenario.industryModel", Kind.BOOL, false), f("scenario.deploymentSites", Kind.INTEGER, false),
            f("innovation.inventionPatents", Kind.INTEGER, false), f("innovation.softwareCopyrights", Kind.INTEGER, false),
            f("innovation.standards", Kind.INTEGER, false), f("innovation.openSource", Kind.BOOL, false),
            f("innovation.academicPartners", Kind.INTEGER, false),
            f("innovation.internationalPartners", Kind.INTEGER, false), f("innovation.openCall", Kind.BOOL, false),
            f("budget.total", Kind.NUMBER, true), f("budget.requested", Kind.NUMBER, true),
            f("budget.selfFunded", Kind.NUMBER, false), f("budget.months", Kind.INTEGER, false),
            f("safety.securityAssessment", Kind.BOOL, false), f("safety.personalDataProtection", Kind.BOOL, false));

    /** "Ascend 910B*512; NVIDIA A800*64": a model, '*' or '×', a count; items separated by ';' or new lines. */
    private static final Pattern CHIP = Pattern.compile("^(.+?)\\s*[*×]\\s*(\\d{1,9})$");

    private FormFields() {
    }

    private static Field f(String path, Kind kind, boolean required) {
        if (!FieldPaths.exists(path)) {
            throw new IllegalStateException(path + " is not a field of an application");
        }
        return new Field(path, kind, required, null);
    }

    private static Field e(String path, Kind kind, Class<? extends Enum<?>> type) {
        return new Field(path, kind, false, type);
    }

    static List<Group> groups() {
        Map<String, List<Field>> byGroup = new LinkedHashMap<>();
        FIELDS.forEach(field -> byGroup.computeIfAbsent(field.group(), k -> new ArrayList<>()).add(field));
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((id, fields) -> groups.add(new Group(id, fields)));
        return groups;
    }

    /**
     * The canonical JSON of what was typed. Blank inputs are "not declared"; a number that does not read
     * as one is passed on as text, so that the validator names it; chips that do not read go to problems.
     */
    static ObjectNode toJson(MultiValueMap<String, String> form, List<Problem> problems) {
        ObjectNode root = JsonIntake.mapper().createObjectNode();
        for (Field field : FIELDS) {
            List<String> raw = form.getOrDefault(field.path(), List.of());
            String value = raw.isEmpty() || raw.get(0) == null ? "" : raw.get(0).trim();
            JsonNode node = switch (field.kind()) {
                case TEXT, ENUM, PROGRAM -> value.isEmpty() ? null : root.stringNode(value);
                case NUMBER, INTEGER -> value.isEmpty() ? null : number(root, value);
                case BOOL -> value.isEmpty() ? null : root.booleanNode(Boolean.parseBoolean(value));
                case ENUM_LIST -> list(root, raw);
                case CHIPS -> value.isEmpty() ? null : chips(root, value, problems);
            };
            if (node != null) {
                set(root, field.path(), node);
            }
        }
        return root;
    }

    /** What the form shows for an application: path to text (lists as their codes). */
    static Map<String, Object> values(Application app) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (app == null) {
            return values;
        }
        for (Field field : FIELDS) {
            Object v = FieldPaths.get(app, field.path());
            if (v == null) {
                continue;
            }
            if (field.kind() == Kind.CHIPS) {
                List<String> items = new ArrayList<>();
                for (Application.Chip c : app.compute().chips()) {
                    items.add(c.model() + "*" + c.count());
                }
                values.put(field.path(), String.join("; ", items));
            } else if (v instanceof List<?> list) {
                values.put(field.path(), list.stream().map(Object::toString).toList());
            } else if (v instanceof Double d) {
                values.put(field.path(), BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
            } else {
                values.put(field.path(), v.toString());
            }
        }
        return values;
    }

    /** Typed values as the form shows them again after an error. */
    static Map<String, Object> values(MultiValueMap<String, String> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            List<String> raw = form.get(field.path());
            if (raw != null && !raw.isEmpty()) {
                values.put(field.path(), field.kind() == Kind.ENUM_LIST ? raw : raw.get(0));
            }
        }
        return values;
    }

    /** "$.compute.chips[0].model" -> "compute.chips": the input a validation problem belongs to. */
    static String fieldOf(String location) {
        String s = location.startsWith("$.") ? location.substring(2) : location;
        int bracket = s.indexOf('[');
        if (bracket >= 0) {
            s = s.substring(0, bracket);
        }
        for (Field f : FIELDS) {
            if (s.equals(f.path()) || s.startsWith(f.path() + ".")) {
                return f.path();
            }
        }
        return s;
    }

    private static JsonNode number(ObjectNode factory, String value) {
        try {
            return factory.numberNode(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return factory.stringNode(value);
        }
    }

    private static JsonNode list(ObjectNode factory, List<String> raw) {
        ArrayNode array = factory.arrayNode();
        raw.stream().filter(s -> s != null && !s.isBlank()).forEach(s -> array.add(s.trim()));
        return array.isEmpty() ? null : array;
    }

    private static JsonNode chips(ObjectNode factory, String text, List<Problem> problems) {
        ArrayNode chips = factory.arrayNode();
        for (String item : text.split("[;；\\n]")) {
            String s = item.trim();
            if (s.isEmpty()) {
                continue;
            }
            Matcher m = CHIP.matcher(s);
            if (!m.matches()) {
                problems.add(new Problem("$.compute.chips", "cannot read \"" + s
                        + "\": write MODEL*COUNT, e.g. Ascend 910B*512; NVIDIA A800*64"));
                continue;
            }
            ObjectNode chip = chips.addObject();
            chip.put("model", m.group(1).trim());
            chip.put("count", Integer.parseInt(m.group(2)));
        }
        return chips.isEmpty() ? null : chips;
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    /** The application as compact JSON, carried by the result page's suggestion buttons. */
    static String json(Application app) {
        return JsonIntake.mapper().writeValueAsString(ApplicationEditor.toJson(app));
    }
}
