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
 * of codes as List&lt;String&gt;, lists of objects as List&lt;Map&gt;), and its canonical JSON. A field
 * that is not declared has no value. Built only by {@link ApplicationSchema#bind}; immutable.
 */
public final class Application {
    private final ObjectNode json;
    private final Map<String, Object> values;
    /** The evidence by claim as given (part of {@code json}, never handed out), or null. */
    private final ObjectNode evidence;

    Application(ObjectNode json, Map<String, Object> values, ObjectNode evidence) {
        this.json = json;
        this.values = values; // never handed out but as an unmodifiable view: the rules read it many times
        this.evidence = evidence;
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
        Map<String, Object> v = new LinkedHashMap<>(values);
        ObjectNode j = json.deepCopy();
        for (var c : changes.entrySet()) {
            String path = c.getKey();
            int dot = path.lastIndexOf('.');
            ObjectNode parent = dot < 0 ? j : j.get(path.substring(0, dot)) instanceof ObjectNode o ? o : null;
            String property = path.substring(dot + 1);
            if (c.getValue() == null) {
                v.remove(path);
                if (parent != null) {
                    parent.remove(property);
                }
            } else {
                v.put(path, c.getValue());
                if (parent != null) {
                    parent.set(property, JSON.valueToTree(c.getValue()));
                }
            }
        }
        return new Application(j, v, evidence);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    public String applicationId() {
        return (String) values.get("applicationId");
    }

    public String title() {
        return (String) values.get("title");
    }

    /** The programme the application names, or null. */
    public String program() {
        return (String) values.get("program");
    }

    public String applicantName() {
        return (String) values.get("applicant.name");
    }

    /** The value at a field path, or null when it is not declared. */
    public Object get(String path) {
        return values.get(path);
    }

    /** Every declared value by path, in the schema's order. */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Declared: present, and not an empty list. */
    public boolean isDeclared(String path) {
        Object v = values.get(path);
        return v instanceof Collection<?> c ? !c.isEmpty() : v != null;
    }

    public Double number(String path) {
        return values.get(path) instanceof Number n ? n.doubleValue() : null;
    }

    public Integer integer(String path) {
        return values.get(path) instanceof Number n ? n.intValue() : null;
    }

    public Boolean bool(String path) {
        return values.get(path) instanceof Boolean b ? b : null;
    }

    public String text(String path) {
        return values.get(path) instanceof String s ? s : null;
    }

    /** A list of codes (a single code as a list of one); empty when not declared. */
    @SuppressWarnings("unchecked")
    public List<String> codes(String path) {
        Object v = values.get(path);
        if (v instanceof List<?> list) {
            return (List<String>) list;
        }
        return v instanceof String s ? List.of(s) : List.of();
    }

    /** A list of objects (the chip inventory); empty when not declared. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items(String path) {
        return values.get(path) instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The canonical JSON: the schema's fields in its order, values as bound (a copy). */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
