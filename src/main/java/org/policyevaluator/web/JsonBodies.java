package org.policyevaluator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.policyevaluator.intake.ApplicationEditor.Change;
import org.policyevaluator.intake.ApplicationReader;
import org.policyevaluator.intake.InputException;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.FieldPaths;
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
            throw new InputException(upload.source() + ": empty; expected a JSON object");
        }
        try {
            return JsonIntake.mapper().readTree(upload.bytes());
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            String where = loc == null || loc.getLineNr() < 0 ? ""
                    : " line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            int nl = m.indexOf('\n');
            throw new InputException(upload.source() + where + ": not valid JSON: " + (nl < 0 ? m : m.substring(0, nl)));
        }
    }

    /** A text member, or null when absent; any other type is a 400 at its path. */
    static String text(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString()) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "Invalid request", path + ": expected a text",
                    List.of(new Problem(path, "expected a text")));
        }
        return n.stringValue();
    }

    /** An application object at {@code path}, validated as intake validates it; any problem is a 400. */
    static Application application(JsonNode node, String path, Set<String> programmes) {
        if (node == null || node.isNull()) {
            throw invalid(List.of(new Problem(path, "required: an application object")));
        }
        ApplicationReader reader = new ApplicationReader(path, programmes);
        Application app = reader.read(node);
        if (!reader.problems().isEmpty()) {
            throw invalid(reader.problems());
        }
        return app;
    }

    /** A list of {"field": "compute.trainingDomesticShare", "value": 0.7}; unknown fields are a 400. */
    static List<Change> changes(JsonNode node, String path) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw invalid(List.of(new Problem(path, "required: a list of {\"field\": ..., \"value\": ...}")));
        }
        List<Change> changes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            String at = path + "[" + i + "]";
            JsonNode field = c.get("field");
            if (!c.isObject() || field == null || !field.isString()) {
                problems.add(new Problem(at + ".field", "required: the canonical path of a field, e.g. green.dataCenterPue"));
            } else if (!FieldPaths.exists(field.stringValue())) {
                problems.add(new Problem(at + ".field", "\"" + field.stringValue() + "\" is not a field of an application"));
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
        List<String> lines = new ArrayList<>();
        problems.forEach(p -> lines.add(p.toString()));
        return new WebProblem(HttpStatus.BAD_REQUEST, "Invalid request", String.join("; ", lines), problems);
    }
}
