package org.policyevaluator.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The application format, read from the ruleset's schema/application.schema.json (JSON Schema
 * 2020-12): every field with its type, range, codes, labels and hints. It is the one place the format
 * is defined: intake validates against {@link #served()} (the schema with each code table's codes as
 * the field's enum), binds a valid application with {@link #bind}, and the workbook template and reader,
 * the web form, what-if, suggestions, probes and the field reference all take their fields from here.
 * Immutable once loaded.
 */
public final class ApplicationSchema {
    public static final String FILE = "schema/application.schema.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A group of fields as forms show them: the application's own fields ("project"), then one per top-level object. */
    public record Group(String id, Map<String, String> title, List<FieldDef> fields) {
        public String label(String lang) {
            String v = title.get("en".equals(lang) ? "en" : "zh");
            return v != null ? v : id;
        }
    }

    /** The group of the fields that sit on the application itself. */
    public static final String PROJECT = "project";

    private final String text;
    private final ObjectNode served;
    private final List<FieldDef> fields;
    private final Map<String, FieldDef> byPath = new LinkedHashMap<>();
    private final List<Group> groups;
    private final Map<String, Group> groupsById = new java.util.HashMap<>();
    /** The application's own properties in the schema's order: a field's name, or a group's. */
    private final List<String> topLevel;
    private final Map<String, CodeTable> codeTables;
    /** The property that holds the evidence by claim (marked x-evidence), or null when the schema has none. */
    private final String evidence;

    private ApplicationSchema(String text, ObjectNode served, List<FieldDef> fields, List<Group> groups,
                              List<String> topLevel, Map<String, CodeTable> codeTables, String evidence) {
        this.topLevel = List.copyOf(topLevel);
        this.evidence = evidence;
        this.text = text;
        this.served = served;
        this.fields = List.copyOf(fields);
        this.layout = new Layout(this.fields);
        fields.forEach(f -> byPath.put(f.path(), f));
        this.groups = List.copyOf(groups);
        groups.forEach(g -> groupsById.put(g.id(), g));
        this.codeTables = Collections.unmodifiableMap(codeTables);
    }

    /**
     * Reads the schema; {@code codeTables} gives a code table by name (null when there is none). Every
     * problem is collected into {@code problems}, naming the schema path; null is returned when there is one.
     */
    public static ApplicationSchema load(String text, Function<String, CodeTable> codeTables, List<String> problems) {
        if (text == null) {
            problems.add(FILE + ": missing");
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            problems.add(FILE + ": not valid JSON: " + e.getOriginalMessage());
            return null;
        }
        if (!root.isObject() || !"object".equals(root.path("type").asString(""))) {
            problems.add(FILE + ": the top level must be {\"type\": \"object\", \"properties\": {...}}");
            return null;
        }
        Reader reader = new Reader(codeTables, problems);
        ObjectNode served = (ObjectNode) root.deepCopy();
        List<Group> groups = new ArrayList<>();
        List<FieldDef> own = new ArrayList<>();
        List<FieldDef> all = new ArrayList<>();
        List<String> topLevel = new ArrayList<>();
        String evidence = null;
        Set<String> required = requiredOf(root);
        for (var p : root.path("properties").properties()) {
            JsonNode prop = p.getValue();
            ObjectNode servedProp = (ObjectNode) served.get("properties").get(p.getKey());
            if (prop.path("x-evidence").asBoolean(false)) {
                // keyed by claim, not a group of fields: read as it is and checked against tables/evidence.csv
                evidence = p.getKey();
            } else if (prop.path("type").asString("").equals("object")) {
                List<FieldDef> members = new ArrayList<>();
                boolean groupRequired = required.contains(p.getKey());
                Set<String> inner = requiredOf(prop);
                for (var q : prop.path("properties").properties()) {
                    FieldDef f = reader.field(p.getKey() + "." + q.getKey(), q.getValue(),
                            (ObjectNode) servedProp.get("properties").get(q.getKey()),
                            groupRequired && inner.contains(q.getKey()), p.getKey());
                    if (f != null) {
                        members.add(f);
                    }
                }
                groups.add(new Group(p.getKey(), labels(prop, "title"), members));
                all.addAll(members);
            } else {
                FieldDef f = reader.field(p.getKey(), prop, servedProp, required.contains(p.getKey()), PROJECT);
                if (f != null) {
                    own.add(f);
                    all.add(f);
                }
            }
            topLevel.add(p.getKey());
        }
        groups.add(0, new Group(PROJECT, labels(root, "x-fields-title"), own));
        if (!problems.isEmpty()) {
            return null;
        }
        return new ApplicationSchema(text, served, all, groups, topLevel, reader.used, evidence);
    }

    /** Reads one property of the schema into a field; the served copy gets the field's codes as its enum. */
    private static final class Reader {
        final Function<String, CodeTable> codeTables;
        final List<String> problems;
        final Map<String, CodeTable> used = new LinkedHashMap<>();

        Reader(Function<String, CodeTable> codeTables, List<String> problems) {
            this.codeTables = codeTables;
            this.problems = problems;
        }

        FieldDef field(String path, JsonNode node, ObjectNode served, boolean required, String group) {
            String where = FILE + ": " + path;
            String type = node.path("type").asString("");
            FieldType kind;
            CodeTable codes = null;
            List<FieldDef> itemFields = List.of();
            Pattern itemPattern = null;
            String itemFormat = null;
            switch (type) {
                case "string" -> {
                    codes = codes(where, node, served);
                    kind = node.has("x-codes") ? FieldType.CODE : FieldType.TEXT;
                }
                case "number" -> kind = FieldType.NUMBER;
                case "integer" -> kind = FieldType.INTEGER;
                case "boolean" -> kind = FieldType.BOOLEAN;
                case "array" -> {
                    JsonNode items = node.path("items");
                    String itemType = items.path("type").asString("");
                    if (itemType.equals("string") && items.has("x-codes")) {
                        kind = FieldType.CODE_LIST;
                        codes = codes(where + " items", items, (ObjectNode) served.get("items"));
                    } else if (itemType.equals("object")) {
                        kind = FieldType.ITEMS;
                        Set<String> inner = requiredOf(items);
                        List<FieldDef> list = new ArrayList<>();
                        for (var q : items.path("properties").properties()) {
                            FieldDef f = field(q.getKey(), q.getValue(),
                                    (ObjectNode) served.get("items").get("properties").get(q.getKey()),
                                    inner.contains(q.getKey()), group);
                            if (f != null) {
                                list.add(f);
                            }
                        }
                        itemFields = List.copyOf(list);
                        itemPattern = pattern(where, node.path("x-item-pattern").asString(null));
                        itemFormat = node.path("x-item-format").asString(null);
                        if (itemPattern == null || itemFormat == null) {
                            problems.add(where + ": a list of objects needs x-item-pattern and x-item-format, how one "
                                    + "item is read from text and written as text");
                        }
                    } else {
                        problems.add(where + ": a list must hold codes (items with x-codes) or objects");
                        return null;
                    }
                    if (!node.has("x-separators")) {
                        problems.add(where + ": a list needs x-separators, how it is split when written as text");
                    }
                }
                default -> {
                    problems.add(where + ": type \"" + type + "\" is not one of string, number, integer, boolean, "
                            + "array, object");
                    return null;
                }
            }
            String unit = node.path("x-unit").asString(null);
            if (unit != null && !unit.equals(FieldDef.SHARE) && !unit.equals(FieldDef.PERCENT)) {
                problems.add(where + ": x-unit \"" + unit + "\" is not share or percent");
            }
            List<String> separators = new ArrayList<>();
            node.path("x-separators").forEach(s -> separators.add(s.asString()));
            Map<String, String> title = labels(node, "title");
            if (!title.containsKey("zh") || !title.containsKey("en")) {
                problems.add(where + ": needs a title (Chinese) and x-en.title (English)");
            }
            // interned: the rules name fields by string literals, so that a lookup by path matches by identity
            return new FieldDef(path.intern(), kind, required, group, title, labels(node, "description"),
                    byLanguage(node.path("x-expected")), unit, codes, List.copyOf(separators), itemPattern, itemFormat, itemFields,
                    number(node, "minimum", "exclusiveMinimum"), number(node, "maximum", "exclusiveMaximum"),
                    node.has("exclusiveMinimum"), node.has("maxLength") ? node.get("maxLength").asInt() : null,
                    node.path("format").asString(null), "upper".equals(node.path("x-case").asString(null)),
                    path.substring(path.lastIndexOf('.') + 1).intern());
        }

        private CodeTable codes(String where, JsonNode node, ObjectNode served) {
            String name = node.path("x-codes").asString(null);
            if (name == null) {
                return null;
            }
            CodeTable table = codeTables.apply(name);
            if (table == null) {
                problems.add(where + ": x-codes names tables/" + name + ".csv, which is not a code table "
                        + "(a first column of codes, then nameZh and nameEn)");
                return null;
            }
            used.put(name, table);
            ArrayNode values = served.putArray("enum");
            table.values().forEach(values::add);
            return table;
        }

        private Pattern pattern(String where, String regex) {
            if (regex == null) {
                return null;
            }
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                problems.add(where + ": x-item-pattern is not a regular expression: " + e.getDescription());
                return null;
            }
        }
    }

    private static Double number(JsonNode node, String inclusive, String exclusive) {
        JsonNode n = node.has(inclusive) ? node.get(inclusive) : node.get(exclusive);
        return n == null || !n.isNumber() ? null : n.doubleValue();
    }

    private static Set<String> requiredOf(JsonNode node) {
        Set<String> required = new LinkedHashSet<>();
        node.path("required").forEach(r -> required.add(r.asString()));
        return required;
    }

    /** {zh: the property's own annotation, en: the same under x-en}. */
    private static Map<String, String> labels(JsonNode node, String annotation) {
        Map<String, String> m = new LinkedHashMap<>();
        JsonNode zh = node.get(annotation);
        if (zh != null && zh.isString()) {
            m.put("zh", zh.asString());
        } else if (zh != null && zh.isObject()) {
            return byLanguage(zh);
        }
        JsonNode en = node.path("x-en").get(annotation);
        if (en != null && en.isString()) {
            m.put("en", en.asString());
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, String> byLanguage(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String lang : List.of("zh", "en")) {
            if (node.path(lang).isString()) {
                m.put(lang, node.get(lang).asString());
            }
        }
        return Collections.unmodifiableMap(m);
    }

    // ---- what the rest of the engine reads ----

    /** Every field, in the schema's order (a list of objects is one field); {@link #groups()} gathers them for forms. */
    public List<FieldDef> fields() {
        return fields;
    }

    /** The application's property that holds evidence by claim ("evidence"), or null. */
    public String evidenceProperty() {
        return evidence;
    }

    /** The field at a path, or null. */
    public FieldDef field(String path) {
        return byPath.get(path);
    }

    public List<Group> groups() {
        return groups;
    }

    /** The code tables the fields take their codes from, by name. */
    public Map<String, CodeTable> codeTables() {
        return codeTables;
    }

    /** The schema as a client validates against it: the file with each field's codes as its enum. */
    public JsonNode served() {
        return served;
    }

    /** The schema file as written. */
    public String text() {
        return text;
    }

    /**
     * The served schema without what only annotates (titles, descriptions, comments, x-*): what a validator
     * needs, which it checks about 30% faster (measured) for having fewer keywords to walk past.
     */
    public JsonNode forValidation() {
        JsonNode copy = served.deepCopy();
        stripAnnotations(copy);
        return copy;
    }

    private static void stripAnnotations(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            for (String name : o.propertyNames()) {
                if (name.startsWith("x-") || name.equals("title") || name.equals("description") || name.equals("$comment")) {
                    drop.add(name);
                }
            }
            drop.forEach(o::remove);
            for (var e : o.properties()) {
                if (e.getKey().equals("properties") && e.getValue() instanceof ObjectNode fields) {
                    // the members of "properties" are field names ("title" among them), each with a schema
                    fields.forEach(ApplicationSchema::stripAnnotations);
                } else {
                    stripAnnotations(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(ApplicationSchema::stripAnnotations);
        }
    }

    // ---- binding ----

    /**
     * Cleans what a person or a spreadsheet leaves in an application before it is validated, in place:
     * a null or a blank text is "not declared" (removed; the paths of blank texts go to {@code blanks}, so
     * that a required one can say so), codes are trimmed, a code written in lower case where the schema
     * asks upper case is raised.
     */
    public void normalise(ObjectNode app, Set<String> blanks) {
        for (Group g : groups) {
            ObjectNode parent = g.id().equals(PROJECT) ? app : app.get(g.id()) instanceof ObjectNode o ? o : null;
            if (parent == null) {
                if (app.has(g.id()) && app.get(g.id()).isNull()) {
                    app.remove(g.id());
                }
                continue;
            }
            for (FieldDef f : g.fields()) {
                JsonNode v = parent.get(f.property());
                if (v == null) {
                    continue;
                }
                if (v.isNull()) {
                    parent.remove(f.property());
                } else if (v.isString()) {
                    String s = v.asString();
                    if (s.isBlank()) {
                        parent.remove(f.property());
                        blanks.add(f.path());
                    } else if (f.type() == FieldType.CODE || f.upperCase()) {
                        String t = s.strip();
                        parent.put(f.property(), f.upperCase() ? t.toUpperCase(java.util.Locale.ROOT) : t);
                    }
                } else if (f.type() == FieldType.CODE_LIST && v instanceof ArrayNode list) {
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i).isString()) {
                            list.set(i, NODES.stringNode(list.get(i).asString().strip()));
                        }
                    }
                }
            }
        }
    }

    /**
     * The application of a tree that {@link #normalise} cleaned and the schema found valid, with how many valid distinct references back each claim of its evidence (counted once,
     * when the references were checked as it was read: an evaluation does not check them again).
     */
    public Application bind(JsonNode tree, Map<String, Integer> backed) {
        Object[] values = new Object[fields.size()];
        boolean[] given = new boolean[topLevel.size()];
        ObjectNode evidenceNode = null;
        for (int t = 0; t < topLevel.size(); t++) {
            String name = topLevel.get(t);
            if (name.equals(evidence)) {
                if (tree.get(name) instanceof ObjectNode e && !e.isEmpty()) {
                    evidenceNode = e.deepCopy();
                }
                continue;
            }
            Group g = groupsById.get(name);
            if (g == null) {
                put(byPath.get(name), tree.get(name), values);
                continue;
            }
            JsonNode parent = tree.get(name);
            if (parent == null || !parent.isObject()) {
                continue;
            }
            given[t] = true; // declared, even if empty: {"compute": {}} stays as it was given
            for (FieldDef f : g.fields()) {
                put(f, parent.get(f.property()), values);
            }
        }
        return new Application(this, values, given, evidenceNode, Map.copyOf(backed));
    }

    /**
     * The canonical JSON of bound values, built when asked for (an application does not keep it: a tree of nodes
     * is several times the size of its values, and evaluation reads only the values): the schema's properties in
     * its order, each field's value as bound, a group wherever {@code given} says the application gave it (even
     * empty), the evidence as given.
     */
    ObjectNode canonical(Object[] values, boolean[] given, ObjectNode evidenceNode) {
        ObjectNode canonical = NODES.objectNode();
        for (int t = 0; t < topLevel.size(); t++) {
            String name = topLevel.get(t);
            if (name.equals(evidence)) {
                if (evidenceNode != null) {
                    canonical.set(name, evidenceNode.deepCopy());
                }
                continue;
            }
            Group g = groupsById.get(name);
            if (g == null) {
                set(byPath.get(name), values, canonical);
            } else if (given[t]) {
                ObjectNode out = canonical.putObject(name);
                for (FieldDef f : g.fields()) {
                    set(f, values, out);
                }
            }
        }
        return canonical;
    }

    private void set(FieldDef f, Object[] values, ObjectNode out) {
        Object value = values[layout.slot(f.path())];
        if (value != null) {
            out.set(f.property(), node(f, value));
        }
    }

    private void put(FieldDef f, JsonNode v, Object[] values) {
        if (v == null || v.isNull()) {
            return;
        }
        values[layout.slot(f.path())] = value(f, v);
    }

    /**
     * Where each field's value sits in an application: one array slot per field, in the schema's order. The
     * rules read values by path many times per application; a lookup in this one shared map, which stays in
     * the cache, and an array read cost less than a map per application (measured with JFR: those per-application
     * maps were cold in the cache as a batch streamed through them).
     */
    static final class Layout {
        private final List<String> paths;
        private final Slots slots;

        Layout(List<FieldDef> fields) {
            this.paths = fields.stream().map(FieldDef::path).toList();
            this.slots = new Slots(paths);
        }

        /** The slot of a field, or -1 when the schema has no such field. */
        int slot(String path) {
            return slots.slot(path);
        }

        String path(int slot) {
            return paths.get(slot);
        }

        int size() {
            return paths.size();
        }
    }

    private final Layout layout;

    /** Where each field's value sits in the applications read with this schema. */
    Layout layout() {
        return layout;
    }

    /** Every field's path, at its place in the applications read with this schema ({@link Application#valueAt}). */
    public List<String> fieldPaths() {
        return layout.paths;
    }

    /** The code table's own instance of a code: the rules look codes up many times, and identity matches first. */
    private static String code(FieldDef f, String code) {
        CodeTable.Code row = f.codes() == null ? null : f.codes().code(code);
        return row == null ? code : row.code();
    }

    private static Object value(FieldDef f, JsonNode v) {
        return switch (f.type()) {
            case TEXT -> v.asString();
            case CODE -> code(f, v.asString());
            case NUMBER -> v.doubleValue();
            case INTEGER -> v.intValue();
            case BOOLEAN -> v.booleanValue();
            case CODE_LIST -> {
                Set<String> codes = new LinkedHashSet<>();
                v.forEach(c -> codes.add(code(f, c.asString())));
                yield List.copyOf(codes);
            }
            case ITEMS -> {
                List<Map<String, Object>> items = new ArrayList<>();
                List<FieldDef> fields = f.itemFields();
                for (JsonNode item : v) {
                    // an item's properties in the schema's order, as pairs (an application holds several items,
                    // and every evaluation reads them: one small object rather than a hash table each)
                    Object[] pairs = new Object[2 * fields.size()];
                    int n = 0;
                    for (FieldDef p : fields) {
                        JsonNode iv = item.get(p.property());
                        if (iv != null && !iv.isNull()) {
                            pairs[n++] = p.property();
                            pairs[n++] = value(p, iv);
                        }
                    }
                    items.add(new PairMap(n == pairs.length ? pairs : java.util.Arrays.copyOf(pairs, n)));
                }
                yield List.copyOf(items);
            }
        };
    }

    /** A bound value as canonical JSON. */
    static JsonNode node(FieldDef f, Object value) {
        return switch (f.type()) {
            case TEXT, CODE -> NODES.stringNode((String) value);
            case NUMBER -> NODES.numberNode((Double) value);
            case INTEGER -> NODES.numberNode((Integer) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case CODE_LIST -> {
                ArrayNode a = NODES.arrayNode();
                ((List<?>) value).forEach(c -> a.add((String) c));
                yield a;
            }
            case ITEMS -> {
                ArrayNode a = NODES.arrayNode();
                for (Object item : (List<?>) value) {
                    ObjectNode o = a.addObject();
                    for (FieldDef p : f.itemFields()) {
                        Object iv = ((Map<?, ?>) item).get(p.property());
                        if (iv != null) {
                            o.set(p.property(), node(p, iv));
                        }
                    }
                }
                yield a;
            }
        };
    }
}
