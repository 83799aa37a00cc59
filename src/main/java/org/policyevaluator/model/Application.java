package org.policyevaluator.model;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

    Application(ObjectNode json, Map<String, Object> values) {
        this.json = json;
        this.values = values; // never handed out but as an unmodifiable view: the rules read it many times
    }

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
