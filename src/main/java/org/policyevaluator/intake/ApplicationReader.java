package org.policyevaluator.intake;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.FieldType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates one application's JSON tree against the ruleset's application schema (JSON Schema 2020-12,
 * with a maintained validator) and binds it. Every problem is collected, each with its location as parts
 * (field, item, property: never a string to be parsed back) and a message key with its values, in the
 * schema's field order. A check the schema can name but not compute (the GB 32100 check character of a
 * credit code) is done here. Thread-safe; build one per rule base.
 */
public final class ApplicationReader {
    static final String CREDIT_CODE = "gb32100-credit-code";

    /** The application read, or null when there are problems; the id is given when it could be read. */
    public record Result(Application application, String applicationId, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final ApplicationSchema format;
    private final Schema schema;

    public ApplicationReader(ApplicationSchema format) {
        this.format = format;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        this.schema = registry.getSchema(SchemaLocation.of("https://policy-evaluator.org/schema/application.schema.json"),
                format.served());
    }

    public ApplicationSchema format() {
        return format;
    }

    /**
     * Reads the application at {@code root} ("$", "$.applications[3]"). The tree is cleaned in place
     * ({@link ApplicationSchema#normalise}): blank texts and nulls are "not declared".
     */
    public Result read(JsonNode node, String root) {
        Location.InJson at = Location.InJson.of(root);
        if (node == null || !node.isObject()) {
            return new Result(null, null, List.of(Problem.of(at, "problem.application", "found", Found.of(node))));
        }
        ObjectNode tree = (ObjectNode) node;
        Set<String> blanks = new HashSet<>();
        format.normalise(tree, blanks);
        List<Problem> problems = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (Error e : schema.validate(tree)) {
            Problem p = problem(at, e, blanks);
            if (p != null) {
                problems.add(p);
            }
        }
        for (FieldDef f : format.fields()) {
            if (CREDIT_CODE.equals(f.format()) && tree.at(pointer(f.path())).isString()) {
                Problem p = CreditCode.problem(tree.at(pointer(f.path())).asString(), at.at(f.path()));
                if (p != null) {
                    problems.add(p);
                }
            }
            if (f.type() == FieldType.NUMBER || f.type() == FieldType.INTEGER) {
                JsonNode v = tree.at(pointer(f.path()));
                if (v.isNumber() && !Double.isFinite(v.doubleValue())) {
                    problems.add(Problem.of(at.at(f.path()), "problem.expected", "field", f.path(),
                            "found", new Found(Found.Kind.HUGE, null)));
                }
            }
        }
        String id = tree.path("applicationId").isString() ? tree.get("applicationId").asString() : null;
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(this::rank));
            return new Result(null, id, dedupe(problems));
        }
        return new Result(format.bind(tree), id, List.of());
    }

    /** Problems in the schema's field order; within a field, by item. */
    private int rank(Problem p) {
        Location.InJson l = (Location.InJson) p.location();
        int index = l.field() == null ? -1 : format.fields().indexOf(format.field(l.field()));
        if (index < 0 && l.field() != null) {
            // a group itself ("budget"): before its first field
            for (int i = 0; i < format.fields().size(); i++) {
                if (format.fields().get(i).path().startsWith(l.field() + ".")) {
                    index = i;
                    break;
                }
            }
        }
        return index * 10_000 + (l.item() == null ? 0 : l.item() + 1);
    }

    /** A huge number fails both its range and finiteness: say it once. */
    private static List<Problem> dedupe(List<Problem> problems) {
        List<Problem> out = new ArrayList<>();
        Set<Location> seen = new HashSet<>();
        for (Problem p : problems) {
            if (seen.add(p.location())) {
                out.add(p);
            }
        }
        return out;
    }

    private Problem problem(Location.InJson at, Error e, Set<String> blanks) {
        NodePath path = e.getInstanceLocation();
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            parts.add(path.getElement(i));
        }
        if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
            parts.add(e.getProperty());
        }
        Location.InJson where = locate(at, parts);
        String field = fieldPath(where);
        JsonNode value = e.getInstanceNode();
        return switch (e.getKeyword()) {
            case "required" -> Problem.of(where, blanks.contains(field) ? "problem.requiredBlank" : "problem.required",
                    "field", field);
            case "enum" -> Problem.of(where, "problem.unknownCode", "field", field, "value",
                    value != null && value.isString() ? value.asString() : String.valueOf(value));
            case "type" -> Problem.of(where, "problem.expected", "field", field, "found", Found.of(value));
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
                    Problem.of(where, "problem.expected", "field", field, "found", Found.value(value));
            case "maxLength" -> Problem.of(where, "problem.tooLong", "field", field,
                    "max", format.field(field) != null ? format.field(field).maxLength() : null,
                    "length", value == null ? 0 : value.asString().codePointCount(0, value.asString().length()));
            case "minLength" -> Problem.of(where, "problem.required", "field", field);
            default -> Problem.of(where, "problem.expected", "field", field, "found", Found.of(value));
        };
    }

    /** The field path a location is about, with an item's property ("compute.chips.count"). */
    static String fieldPath(Location.InJson l) {
        return l.itemField() == null ? l.field() : l.field() + "." + l.itemField();
    }

    /** [compute, chips, 1, count] as field compute.chips, item 1, property count. */
    private Location.InJson locate(Location.InJson at, List<Object> parts) {
        StringBuilder field = new StringBuilder();
        int i = 0;
        for (; i < parts.size() && parts.get(i) instanceof String name; i++) {
            field.append(field.isEmpty() ? "" : ".").append(name);
            if (format.field(field.toString()) != null) {
                i++;
                break;
            }
        }
        Integer item = i < parts.size() && parts.get(i) instanceof Integer n ? n : null;
        String itemField = null;
        if (item != null && i + 1 < parts.size() && parts.get(i + 1) instanceof String p) {
            itemField = p;
        }
        return new Location.InJson(at.root(), field.isEmpty() ? null : field.toString(), item, itemField);
    }

    private static String pointer(String path) {
        return "/" + path.replace('.', '/');
    }
}
