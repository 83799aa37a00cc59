package org.policyevaluator.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One validated application: its values by field path ("compute.trainingDomesticShare"), typed as the
 * schema says (text and codes as String, numbers as Double, whole numbers as Integer, booleans, lists
 * of codes as List&lt;String&gt;, lists of objects as List&lt;Map&gt; of pairs), and its canonical JSON, built from
 * the values when asked for. A field that is not declared has no value. Built only by
 * {@link ApplicationSchema#bind}; immutable.
 */
public final class Application {
    /** The schema it was read with: its canonical JSON is built from the values when asked for. */
    private final ApplicationSchema schema;
    /** The values as read: what the canonical JSON shows; {@link #changes}, where there are any, go over it. */
    private final Object[] read;
    /** By the schema's top-level properties: whether a group was given (even empty), as read. */
    private final boolean[] given;
    /**
     * Values replaced since it was read ({@link #withValues}), by path, null for "not declared"; null when none.
     * Applied to the JSON only when the JSON is asked for: the engine reads values, never the JSON.
     */
    private final Map<String, Object> changes;
    private final ApplicationSchema.Layout layout;
    /** The value of each field in its layout slot; null where it is not declared. Never handed out. */
    private final Object[] values;
    /** The evidence by claim as given (never handed out), or null. */
    private final ObjectNode evidence;
    /** claim -> how many valid distinct references back it, as found when the application was read. */
    private final Map<String, Integer> backed;

    Application(ApplicationSchema schema, Object[] values, boolean[] given, ObjectNode evidence, Map<String, Integer> backed) {
        this(schema, values, given, null, values, evidence, backed);
    }

    private Application(ApplicationSchema schema, Object[] read, boolean[] given, Map<String, Object> changes,
                        Object[] values, ObjectNode evidence, Map<String, Integer> backed) {
        this.schema = schema;
        this.read = read;
        this.given = given;
        this.changes = changes;
        this.layout = schema.layout();
        this.values = values;
        this.evidence = evidence;
        this.backed = backed;
    }

    /** How many valid distinct references back a claim (0 when none, or when none were given). */
    public int backed(String claim) {
        return backed.getOrDefault(claim, 0);
    }

    /** The application as it would stand with full evidence for one claim (what a suggestion to give it verifies). */
    public Application assumingEvidence(String claim) {
        Map<String, Integer> more = new java.util.HashMap<>(backed);
        more.put(claim, Integer.MAX_VALUE);
        return new Application(schema, read, given, changes, values, evidence, Map.copyOf(more));
    }

    private Object value(String path) {
        int slot = layout.slot(path);
        return slot < 0 ? null : values[slot];
    }

    /** The claims the application gives evidence for, in its order. */
    public List<String> evidenceClaims() {
        return evidence == null ? List.of() : List.copyOf(evidence.propertyNames());
    }

    /** The references given for a claim (texts, or objects such as a document's name and SHA-256); empty when none. */
    public List<JsonNode> evidence(String claim) {
        if (evidence == null || !(evidence.get(claim) instanceof ArrayNode refs)) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(refs.size());
        refs.forEach(r -> out.add(r.deepCopy()));
        return out;
    }

    /**
     * The application with some values replaced, as the evaluation sees it when a claim does not stand
     * (evidence missing): {@code changes} maps a field path to its new value, null for "not declared".
     * The canonical JSON follows; the evidence stays as given.
     */
    public Application withValues(Map<String, Object> changes) {
        Object[] v = values.clone();
        for (var c : changes.entrySet()) {
            int slot = layout.slot(c.getKey());
            if (slot < 0) {
                throw new IllegalArgumentException("no field " + c.getKey());
            }
            v[slot] = c.getValue();
        }
        Map<String, Object> all = new LinkedHashMap<>();
        if (this.changes != null) {
            all.putAll(this.changes);
        }
        all.putAll(changes);
        return new Application(schema, read, given, Collections.unmodifiableMap(all), v, evidence, backed);
    }

    /** The JSON with the changed values in place (a new tree). */
    private ObjectNode currentJson() {
        ObjectNode j = schema.canonical(read, given, evidence);
        if (changes == null) {
            return j;
        }
        for (var c : changes.entrySet()) {
            String path = c.getKey();
            int dot = path.lastIndexOf('.');
            ObjectNode parent = dot < 0 ? j : j.get(path.substring(0, dot)) instanceof ObjectNode o ? o : null;
            if (parent == null) {
                continue;
            }
            String property = path.substring(dot + 1);
            if (c.getValue() == null) {
                parent.remove(property);
            } else {
                parent.set(property, JSON.valueToTree(c.getValue()));
            }
        }
        return j;
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    public String applicationId() {
        return (String) value("applicationId");
    }

    public String title() {
        return (String) value("title");
    }

    /** The programme the application names, or null. */
    public String program() {
        return (String) value("program");
    }

    public String applicantName() {
        return (String) value("applicant.name");
    }

    /** The value at a field path, or null when it is not declared. */
    public Object get(String path) {
        return value(path);
    }

    /** Whether it was read with that schema: its fields then sit at the places the schema gives them. */
    public boolean readWith(ApplicationSchema format) {
        return schema == format;
    }

    /** The value at a place of its schema's {@link ApplicationSchema#fieldPaths()}; null when not declared. */
    public Object valueAt(int place) {
        return values[place];
    }

    /** The value of a field of the schema, null when not declared; refuses a path the schema does not have. */
    public Object field(String path) {
        int slot = layout.slot(path);
        if (slot < 0) {
            throw new IllegalArgumentException("no field " + path + " in " + ApplicationSchema.FILE);
        }
        return values[slot];
    }

    /** Every declared value by path, in the schema's order. */
    public Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                out.put(layout.path(i), values[i]);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Declared: present, and not an empty list. */
    public boolean isDeclared(String path) {
        Object v = value(path);
        return v instanceof Collection<?> c ? !c.isEmpty() : v != null;
    }

    public Double number(String path) {
        return value(path) instanceof Number n ? n.doubleValue() : null;
    }

    public Integer integer(String path) {
        return value(path) instanceof Number n ? n.intValue() : null;
    }

    public Boolean bool(String path) {
        return value(path) instanceof Boolean b ? b : null;
    }

    public String text(String path) {
        return value(path) instanceof String s ? s : null;
    }

    /** A list of codes (a single code as a list of one); empty when not declared. */
    @SuppressWarnings("unchecked")
    public List<String> codes(String path) {
        Object v = value(path);
        if (v instanceof List<?> list) {
            return (List<String>) list;
        }
        return v instanceof String s ? List.of(s) : List.of();
    }

    /** A list of objects (the chip inventory); empty when not declared. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items(String path) {
        return value(path) instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The canonical JSON: the schema's fields in its order, values as bound (a copy). */
    public ObjectNode toJson() {
        return currentJson();
    }

    @Override
    public String toString() {
        return currentJson().toString();
    }
}
