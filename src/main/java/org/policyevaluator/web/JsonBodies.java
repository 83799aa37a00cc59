package org.policyevaluator.web;

import java.util.ArrayList;
import java.util.List;
import org.policyevaluator.intake.ApplicationEditor.Change;
import org.policyevaluator.intake.ApplicationReader;
import org.policyevaluator.intake.InputException;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.model.Application;
import org.policyevaluator.intake.Found;
import org.policyevaluator.intake.Location;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.intake.JsonIntake;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/** Reads small JSON request bodies (what-if, suggestions) with intake's limits and located syntax errors. */
final class JsonBodies {
    private JsonBodies() {
    }

    static JsonNode tree(Upload upload) {
        if (upload.bytes().length == 0) {
            throw new InputException(Problem.of(Location.InFile.of(upload.source()), "problem.json.empty",
                    "detail", "empty; expected a JSON object"), upload.source() + ": empty; expected a JSON object");
        }
        try {
            return JsonIntake.mapper().readTree(upload.bytes());
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            boolean located = loc != null && loc.getLineNr() >= 0;
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            int nl = m.indexOf('\n');
            String detail = "not valid JSON: " + (nl < 0 ? m : m.substring(0, nl));
            Location.InFile where = new Location.InFile(upload.source(), located ? (long) loc.getLineNr() : null,
                    located ? (long) loc.getColumnNr() : null);
            throw new InputException(Problem.of(where, "problem.json.invalid", "detail", detail),
                    upload.source() + (located ? " line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "")
                            + ": " + detail);
        }
    }

    /** A text member, or null when absent; any other type is a 400 at its path. */
    static String text(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString()) {
            Problem p = Problem.of(Location.InJson.of(path), "error.json.text");
            throw new WebProblem(HttpStatus.BAD_REQUEST, "error.title.invalidRequest", p, List.of(p));
        }
        return n.stringValue();
    }

    /** An application object at {@code path}, validated as intake validates it; any problem is a 400. */
    static Application application(JsonNode node, String path, ApplicationReader reader) {
        if (node == null || node.isNull()) {
            throw invalid(List.of(Problem.of(Location.InJson.of(path), "problem.application", "found",
                    Found.of(node))));
        }
        ApplicationReader.Result read = reader.read(node, path);
        if (!read.ok()) {
            throw invalid(read.problems());
        }
        return read.application();
    }

    /** A list of {"field": "compute.trainingDomesticShare", "value": 0.7}; unknown fields are a 400. */
    static List<Change> changes(JsonNode node, String path, ApplicationSchema schema) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw invalid(List.of(Problem.of(Location.InJson.of(path), "error.changes.required")));
        }
        List<Change> changes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            String at = path + "[" + i + "]";
            JsonNode field = c.get("field");
            if (!c.isObject() || field == null || !field.isString()) {
                problems.add(Problem.of(Location.InJson.of(at).at("field"), "error.change.field"));
            } else if (schema.field(field.stringValue()) == null) {
                problems.add(Problem.of(Location.InJson.of(at).at("field"), "problem.noSuchField", "name",
                        field.stringValue()));
            } else {
                JsonNode value = c.get("value");
                changes.add(new Change(field.stringValue(), value == null ? null
                        : JsonIntake.mapper().treeToValue(value, Object.class)));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return changes;
    }

    static WebProblem invalid(List<Problem> problems) {
        return WebProblem.invalid("error.title.invalidRequest", problems);
    }
}
