package org.policyevaluator.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.FieldPaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes fields of an application by canonical path, for suggestions and what-if. The changed
 * application goes through the same validation as any input, so a change can never produce an
 * application that intake would refuse.
 */
public final class ApplicationEditor {

    /** One field set to one value: what a suggestion asks and what {@code whatif --set} does. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(String field, Object value) {
    }

    /** A change that would give an invalid application. */
    public static final class InvalidChange extends RuntimeException {
        public InvalidChange(String message) {
            super(message);
        }
    }

    private final Set<String> programmes;

    public ApplicationEditor(Set<String> programmes) {
        this.programmes = programmes;
    }

    public Application apply(Application app, List<Change> changes) {
        ObjectNode json = toJson(app);
        for (Change c : changes) {
            if (!FieldPaths.exists(c.field())) {
                throw new InvalidChange(c.field() + ": not a field of an application");
            }
            set(json, c.field(), JsonIntake.mapper().valueToTree(c.value()));
        }
        ApplicationReader reader = new ApplicationReader("$", programmes);
        Application changed = reader.read(json);
        if (!reader.problems().isEmpty()) {
            List<String> messages = new ArrayList<>();
            reader.problems().forEach(p -> messages.add(p.toString()));
            throw new InvalidChange(String.join("; ", messages));
        }
        return changed;
    }

    public static ObjectNode toJson(Application app) {
        return (ObjectNode) JsonIntake.mapper().valueToTree(app);
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

    /**
     * Reads a value typed on the command line: JSON when it is JSON (0.7, true, null, ["A","B"]),
     * a list when the field holds one ("AI_CHIP;AGENT"), text otherwise.
     */
    public static Object parseValue(String field, String text) {
        try {
            JsonNode node = JsonIntake.mapper().readTree(text);
            if (node != null && !node.isMissingNode()) {
                return JsonIntake.mapper().treeToValue(node, Object.class);
            }
        } catch (RuntimeException notJson) {
            // fall through: plain text
        }
        if (isList(field)) {
            List<String> items = new ArrayList<>();
            for (String s : text.split("[;,、]")) {
                if (!s.isBlank()) {
                    items.add(s.trim());
                }
            }
            return items;
        }
        return text;
    }

    private static boolean isList(String field) {
        return List.of("techAreas", "applicant.qualifications", "scenario.manufacturingStages").contains(field);
    }
}
