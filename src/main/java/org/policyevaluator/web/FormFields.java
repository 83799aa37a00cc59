package org.policyevaluator.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.FieldText;
import org.policyevaluator.model.FieldType;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The self-assessment form, from the schema: one input per field, grouped as the application is, and the
 * conversion of what was typed into the canonical JSON that intake validates — so the form is checked by
 * the same rules, and its messages name the same fields, as a JSON file. A list is typed as the schema
 * writes it as text ({@link FieldText}), as in a spreadsheet cell.
 */
final class FormFields {
    /** How an input looks: a programme and a code are chosen from a list, a list of codes ticked. */
    public enum Kind { TEXT, NUMBER, INTEGER, BOOL, ENUM, ENUM_LIST, CHIPS, PROGRAM }

    /** One input of the form. */
    public record Field(FieldDef def, Kind kind) {
        public String path() {
            return def.path();
        }

        public boolean required() {
            return def.required();
        }

        public String id() {
            return "f-" + def.path().replace('.', '-');
        }

        public String label(String lang) {
            return def.label(lang);
        }
    }

    public record Group(String id, String zh, String en, List<Field> fields) {
        public String label(String lang) {
            return "en".equals(lang) ? en : zh;
        }
    }

    private FormFields() {
    }

    static List<Group> groups(ApplicationSchema schema) {
        List<Group> groups = new ArrayList<>();
        for (ApplicationSchema.Group g : schema.groups()) {
            List<Field> fields = new ArrayList<>();
            g.fields().forEach(f -> fields.add(new Field(f, kind(f))));
            groups.add(new Group(g.id(), g.label("zh"), g.label("en"), List.copyOf(fields)));
        }
        return groups;
    }

    private static Kind kind(FieldDef f) {
        return switch (f.type()) {
            case TEXT -> Kind.TEXT;
            case NUMBER -> Kind.NUMBER;
            case INTEGER -> Kind.INTEGER;
            case BOOLEAN -> Kind.BOOL;
            case CODE -> f.codes().name().equals("programs") ? Kind.PROGRAM : Kind.ENUM;
            case CODE_LIST -> Kind.ENUM_LIST;
            case ITEMS -> Kind.CHIPS;
        };
    }

    /**
     * The canonical JSON of what was typed. Blank inputs are "not declared"; a number that does not read
     * as one is passed on as text, so that the validator names it; list items that do not read go to problems.
     */
    static ObjectNode toJson(ApplicationSchema schema, MultiValueMap<String, String> form, List<Problem> problems) {
        ObjectNode root = JsonIntake.mapper().createObjectNode();
        for (FieldDef f : schema.fields()) {
            List<String> raw = form.getOrDefault(f.path(), List.of());
            String value = raw.isEmpty() || raw.get(0) == null ? "" : raw.get(0).trim();
            JsonNode node = switch (f.type()) {
                case TEXT, CODE -> value.isEmpty() ? null : root.stringNode(value);
                case NUMBER, INTEGER -> value.isEmpty() ? null : number(root, value);
                case BOOLEAN -> value.isEmpty() ? null : root.booleanNode(Boolean.parseBoolean(value));
                case CODE_LIST -> list(root, f, raw);
                case ITEMS -> value.isEmpty() ? null : items(root, f, value, problems);
            };
            if (node != null) {
                set(root, f.path(), node);
            }
        }
        // evidence.CLAIM inputs: references separated by ; or new lines, as in a workbook's evidence column
        for (var e : form.entrySet()) {
            if (e.getKey().startsWith(EVIDENCE) && !e.getValue().isEmpty() && e.getValue().get(0) != null) {
                ArrayNode refs = root.arrayNode();
                org.policyevaluator.evidence.References.split(e.getValue().get(0)).forEach(refs::add);
                if (!refs.isEmpty()) {
                    root.withObject("evidence").set(e.getKey().substring(EVIDENCE.length()), refs);
                }
            }
        }
        return root;
    }

    /** The prefix of the form's evidence inputs: evidence.innovation.inventionPatents. */
    static final String EVIDENCE = "evidence.";

    /** What the form shows for an application: path to text (lists of codes as their codes). */
    static Map<String, Object> values(ApplicationSchema schema, Application app) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (app == null) {
            return values;
        }
        for (FieldDef f : schema.fields()) {
            Object v = app.get(f.path());
            if (v == null) {
                continue;
            }
            if (f.type() == FieldType.CODE_LIST) {
                values.put(f.path(), ((List<?>) v).stream().map(Object::toString).toList());
            } else if (v instanceof Double d) {
                values.put(f.path(), BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
            } else {
                values.put(f.path(), FieldText.format(f, v));
            }
        }
        for (String claim : app.evidenceClaims()) {
            values.put(EVIDENCE + claim, String.join("; ",
                    app.evidence(claim).stream().map(org.policyevaluator.evidence.References::text).toList()));
        }
        return values;
    }

    /** Typed values as the form shows them again after an error. */
    static Map<String, Object> values(ApplicationSchema schema, MultiValueMap<String, String> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldDef f : schema.fields()) {
            List<String> raw = form.get(f.path());
            if (raw != null && !raw.isEmpty()) {
                values.put(f.path(), f.type() == FieldType.CODE_LIST ? raw : raw.get(0));
            }
        }
        form.forEach((k, v) -> {
            if (k.startsWith(EVIDENCE) && !v.isEmpty()) {
                values.put(k, v.get(0));
            }
        });
        return values;
    }

    /** The input a problem belongs to: the field of its location (a group's problem, its group). */
    static String fieldOf(Problem p) {
        String field = p.location().field();
        if (field != null && field.startsWith("evidence[\"")) {
            return EVIDENCE + field.substring("evidence[\"".length(), field.length() - 2); // evidence["x"] -> evidence.x
        }
        return field == null ? "" : field;
    }

    private static JsonNode number(ObjectNode factory, String value) {
        try {
            return factory.numberNode(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return factory.stringNode(value);
        }
    }

    private static JsonNode list(ObjectNode factory, FieldDef f, List<String> raw) {
        ArrayNode array = factory.arrayNode();
        for (String s : raw) {
            if (s != null && !s.isBlank()) {
                FieldText.split(f, s).forEach(array::add);
            }
        }
        return array.isEmpty() ? null : array;
    }

    private static JsonNode items(ObjectNode factory, FieldDef f, String text, List<Problem> problems) {
        ArrayNode items = factory.arrayNode();
        List<String> parts = FieldText.split(f, text);
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode item = FieldText.item(f, parts.get(i));
            if (item == null) {
                problems.add(Problem.of(new Location.InJson("$", f.path(), i, null), "problem.cell.items",
                        "field", f.path(), "items", (i + 1) + " \"" + parts.get(i) + "\""));
                continue;
            }
            items.add(item);
        }
        return items.isEmpty() ? null : items;
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
        return JsonIntake.mapper().writeValueAsString(app.toJson());
    }
}
