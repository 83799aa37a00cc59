package org.policyevaluator.intake;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    /** Each numeric or list-of-objects field with where it sits, resolved once: every application is walked for them. */
    private final List<Placed> numeric = new ArrayList<>();
    private final List<Placed> creditCodes = new ArrayList<>();

    /** A field with the path of the object that holds it ("" for the application itself). */
    private record Placed(FieldDef field, tools.jackson.core.JsonPointer parent) {
        JsonNode in(ObjectNode tree) {
            JsonNode holder = tree.at(parent);
            return holder.isObject() ? holder.get(field.property()) : null;
        }
    }

    /** Checks the references of the evidence object; null when the ruleset takes no evidence. */
    private final org.policyevaluator.evidence.Evidence evidence;

    public ApplicationReader(ApplicationSchema format) {
        this(format, null);
    }

    public ApplicationReader(ApplicationSchema format, org.policyevaluator.evidence.Evidence evidence) {
        this.format = format;
        this.evidence = evidence;
        // the x-* annotations (labels, hints, codes, units) are ours: known to the validator as keywords that check nothing
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .unknownKeywordFactory((name, context) -> name.startsWith("x-") ? new NonValidationKeyword(name) : null)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect);
        this.schema = registry.getSchema(SchemaLocation.of("https://policy-evaluator.org/schema/application.schema.json"),
                format.forValidation());
        schema.initializeValidators();
        for (FieldDef f : format.fields()) {
            String parent = f.path().contains(".") ? pointer(f.path().substring(0, f.path().lastIndexOf('.'))) : "";
            Placed placed = new Placed(f, tools.jackson.core.JsonPointer.compile(parent));
            if (f.type().isNumeric() || f.type() == FieldType.ITEMS) {
                numeric.add(placed);
            }
            if (CREDIT_CODE.equals(f.format())) {
                creditCodes.add(placed);
            }
        }
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
        unreadableText(tree, at, null, null, null, problems);
        if (!problems.isEmpty()) {
            return new Result(null, null, List.copyOf(problems));
        }
        for (Placed f : numeric) {
            unusableNumbers(tree, f, at, problems);
        }
        List<Error> errors;
        try {
            errors = schema.validate(tree);
        } catch (RuntimeException e) {
            // a validator failure is this application's problem, never the batch's
            return new Result(null, null, List.of(Problem.of(at, "problem.application", "found", Found.of(null))));
        }
        for (Error e : errors) {
            problems.add(problem(at, e, blanks));
        }
        for (Placed f : creditCodes) {
            JsonNode code = f.in(tree);
            if (code != null && code.isString()) {
                Problem p = CreditCode.problem(code.asString(), at.at(f.field().path()));
                if (p != null) {
                    problems.add(p);
                }
            }
        }
        Map<String, Integer> backed = Map.of();
        if (evidence != null && errors.isEmpty()) {
            org.policyevaluator.evidence.Evidence.Checked checked = evidence.check(tree, at);
            problems.addAll(checked.problems());
            backed = checked.backed();
        }
        String id = tree.path("applicationId").isString() ? tree.get("applicationId").asString() : null;
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(this::rank));
            return new Result(null, id, dedupe(problems));
        }
        return new Result(format.bind(tree, backed), id, List.of());
    }

    /**
     * NUL and the other control characters (but tab and line breaks), and half of a character (a lone
     * surrogate), refused where they are: no database stores them all, and no reader means them.
     */
    private static void unreadableText(JsonNode node, Location.InJson root, String field, Integer item, String itemField,
                                       List<Problem> problems) {
        if (node.isString()) {
            String text = node.asString();
            // a surrogate pair reads as one code point; half of one reads as itself, in the surrogate range
            for (int k = 0; k < text.length(); k += Character.charCount(text.codePointAt(k))) {
                int c = text.codePointAt(k);
                boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
                if (control || Character.getType(c) == Character.SURROGATE) {
                    problems.add(Problem.of(new Location.InJson(root.root(), field, item, itemField), "problem.text.unreadable",
                            "position", k + 1));
                    return;
                }
            }
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                if (item != null) {
                    unreadableText(e.getValue(), root, field, item, itemField == null ? e.getKey() : itemField + "." + e.getKey(), problems);
                } else {
                    unreadableText(e.getValue(), root, field == null ? e.getKey() : field + "." + e.getKey(), null, null, problems);
                }
            }
        } else if (node.isArray()) {
            for (int k = 0; k < node.size(); k++) {
                unreadableText(node.get(k), root, field, item == null ? Integer.valueOf(k) : item, itemField, problems);
            }
        }
    }

    /**
     * A number no field can use, found before the schema sees it and taken out of the tree: one too large for a
     * double (1e400 reads as infinity), or a whole number beyond the long range (the validator's integer
     * comparison fails on it rather than reporting it). The required check that follows is then said once.
     */
    private static void unusableNumbers(ObjectNode tree, Placed placed, Location.InJson at, List<Problem> problems) {
        FieldDef f = placed.field();
        JsonNode v = placed.in(tree);
        if (v == null) {
            return;
        }
        if (f.type() == FieldType.ITEMS) {
            JsonNode list = v;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof ObjectNode item) {
                    for (FieldDef p : f.itemFields()) {
                        if (unusable(p, item.get(p.property()))) {
                            problems.add(Problem.of(new Location.InJson(at.root(), f.path(), i, p.property()),
                                    "problem.expected", "field", f.path() + "." + p.property(), "found",
                                    Found.value(item.get(p.property()))));
                            item.remove(p.property());
                        }
                    }
                }
            }
            return;
        }
        if (unusable(f, v)) {
            problems.add(Problem.of(at.at(f.path()), "problem.expected", "field", f.path(), "found", Found.value(v)));
            ((ObjectNode) tree.at(placed.parent())).remove(f.property());
        }
    }

    private static boolean unusable(FieldDef f, JsonNode v) {
        if (v == null || !v.isNumber() || !f.type().isNumeric()) {
            return false;
        }
        return !Double.isFinite(v.doubleValue()) || f.type() == FieldType.INTEGER && v.isIntegralNumber() && !v.canConvertToLong();
    }

    /** Problems in the schema's field order; within a field, by item. */
    private int rank(Problem p) {
        Location.InJson l = (Location.InJson) p.location();
        FieldDef field = l.field() == null ? null : format.field(l.field());
        int index = field == null ? -1 : format.fields().indexOf(field);
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
            case "type" -> where.item() != null && where.itemField() == null
                    // an item of a list of codes that is not a text: say what one item takes
                    ? Problem.of(where, "problem.expected", "field", field, "item", true, "found", Found.of(value))
                    : Problem.of(where, "problem.expected", "field", field, "found", Found.of(value));
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
