package org.policyevaluator.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.policyevaluator.intake.Found;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Phrase;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.report.JsonReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch's rejected applications as the store keeps them: language-neutral, as intake found them (typed
 * locations, message keys and their values), so that a page words them in the language it is read in and names
 * a place by its parts, never by parsing a sentence back. Batches stored before this kept them already worded
 * (a list of {@code ProblemTexts.RejectedView}); {@link #read} tells the two apart.
 *
 * <p>A location is an object with one key naming its kind ({@code json}, {@code sheet}, {@code file}); a value
 * of a problem that JSON cannot carry as it is, an object with one key: {@code found}, {@code phrase},
 * {@code location}, or {@code decimal} for a number that is not a whole one (kept as written: "1.50" stays so).
 */
public final class RejectionsJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RejectionsJson() {
    }

    public static String write(List<Rejection> rejections) {
        ArrayNode out = NODES.arrayNode();
        for (Rejection r : rejections) {
            ObjectNode o = out.addObject();
            o.put("source", r.source());
            putLocation(o, "location", r.location());
            o.put("applicationId", r.applicationId());
            ArrayNode problems = o.putArray("problems");
            r.problems().forEach(p -> problems.add(problem(p)));
        }
        return JsonReport.toJson(out);
    }

    /** The rejections kept language-neutral; empty when the batch was stored with them already worded. */
    public static Optional<List<Rejection>> read(String json) {
        JsonNode all = JsonReport.mapper().readTree(json);
        List<Rejection> out = new ArrayList<>();
        for (JsonNode r : all) {
            JsonNode problems = r.path("problems");
            if (!problems.isEmpty() && !problems.get(0).has("key")) {
                return Optional.empty(); // worded: {"location": "...", "message": "..."}
            }
            List<Problem> list = new ArrayList<>();
            problems.forEach(p -> list.add(new Problem(location(p.get("location")), p.get("key").asString(), args(p.path("args")))));
            out.add(new Rejection(text(r.get("source")), location(r.get("location")), text(r.get("applicationId")), list));
        }
        return Optional.of(out);
    }

    private static ObjectNode problem(Problem p) {
        ObjectNode o = NODES.objectNode();
        putLocation(o, "location", p.location());
        o.put("key", p.key());
        ObjectNode args = o.putObject("args");
        p.args().forEach((name, value) -> args.set(name, value(value)));
        return o;
    }

    private static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        } else if (v instanceof String s) {
            return NODES.stringNode(s);
        } else if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (v instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (v instanceof Long l) {
            return NODES.numberNode(l);
        } else if (v instanceof Number n) {
            return NODES.objectNode().put("decimal", n.toString());
        } else if (v instanceof Found f) {
            return NODES.objectNode().set("found", NODES.objectNode().put("kind", f.kind().name()).put("value", f.value()));
        } else if (v instanceof Phrase ph) {
            return NODES.objectNode().put("phrase", ph.key());
        } else if (v instanceof Location l) {
            return NODES.objectNode().set("location", location(l));
        }
        return NODES.stringNode(String.valueOf(v));
    }

    private static Map<String, Object> args(JsonNode args) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : args.properties()) {
            JsonNode v = e.getValue();
            Object value;
            if (v.isNull()) {
                value = null;
            } else if (v.isString()) {
                value = v.asString();
            } else if (v.isBoolean()) {
                value = v.booleanValue();
            } else if (v.isInt()) {
                value = v.intValue();
            } else if (v.isIntegralNumber()) {
                value = v.longValue();
            } else if (v.has("decimal")) {
                value = new BigDecimal(v.get("decimal").asString());
            } else if (v.has("found")) {
                JsonNode f = v.get("found");
                value = new Found(Found.Kind.valueOf(f.get("kind").asString()), text(f.get("value")));
            } else if (v.has("phrase")) {
                value = new Phrase(v.get("phrase").asString());
            } else if (v.has("location")) {
                value = location(v.get("location"));
            } else {
                value = v.toString();
            }
            out.put(e.getKey(), value);
        }
        return out;
    }

    private static void putLocation(ObjectNode o, String name, Location l) {
        o.set(name, l == null ? NODES.nullNode() : location(l));
    }

    private static ObjectNode location(Location l) {
        ObjectNode o = NODES.objectNode();
        if (l instanceof Location.InJson j) {
            o.putObject("json").put("root", j.root()).put("field", j.field()).put("item", j.item())
                    .put("itemField", j.itemField());
        } else if (l instanceof Location.InSheet s) {
            o.putObject("sheet").put("file", s.file()).put("sheet", s.sheet()).put("row", s.row())
                    .put("column", s.column()).put("header", s.header()).put("field", s.field()).put("item", s.item())
                    .put("itemField", s.itemField());
        } else {
            Location.InFile f = (Location.InFile) l;
            o.putObject("file").put("file", f.file()).put("line", f.line()).put("column", f.column());
        }
        return o;
    }

    private static Location location(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.has("json")) {
            JsonNode j = n.get("json");
            return new Location.InJson(text(j.get("root")), text(j.get("field")), integer(j.get("item")), text(j.get("itemField")));
        }
        if (n.has("sheet")) {
            JsonNode s = n.get("sheet");
            return new Location.InSheet(text(s.get("file")), text(s.get("sheet")), integer(s.get("row")), text(s.get("column")),
                    text(s.get("header")), text(s.get("field")), integer(s.get("item")), text(s.get("itemField")));
        }
        JsonNode f = n.get("file");
        return new Location.InFile(text(f.get("file")), f.get("line") == null || f.get("line").isNull() ? null : f.get("line").longValue(),
                f.get("column") == null || f.get("column").isNull() ? null : f.get("column").longValue());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asString();
    }

    private static Integer integer(JsonNode n) {
        return n == null || n.isNull() ? null : n.intValue();
    }
}
