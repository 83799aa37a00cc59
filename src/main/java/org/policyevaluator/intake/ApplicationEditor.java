package org.policyevaluator.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.FieldText;
import org.policyevaluator.model.FieldType;
import org.policyevaluator.rules.RuleBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes fields of an application by path, for suggestions and what-if. The changed application goes
 * through the same validation as any input, so a change can never produce an application that intake
 * would refuse.
 */
public final class ApplicationEditor {

    /** One field (or a whole group, "compute") set to one value: what a suggestion asks and what {@code whatif --set} does. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(String field, Object value) {
    }

    /** A change that would give an invalid application; the message is in English. */
    public static final class InvalidChange extends RuntimeException {
        private final List<Problem> problems;

        public InvalidChange(String message, List<Problem> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private final ApplicationReader reader;
    private final ProblemTexts texts;

    public ApplicationEditor(RuleBase ruleBase) {
        this.reader = ruleBase.reader();
        this.texts = ruleBase.problemTexts();
    }

    public Application apply(Application app, List<Change> changes) {
        ApplicationSchema schema = reader.format();
        ObjectNode json = app.toJson();
        for (Change c : changes) {
            boolean group = schema.groups().stream().anyMatch(g -> g.id().equals(c.field()));
            if (schema.field(c.field()) == null && !group) {
                Problem p = Problem.of(Location.InJson.of("$").at(c.field()), "problem.noSuchField", "name", c.field());
                throw new InvalidChange(texts.line(p, "en"), List.of(p));
            }
            set(json, c.field(), JsonIntake.mapper().valueToTree(c.value()));
        }
        ApplicationReader.Result r = reader.read(json, "$");
        if (!r.ok()) {
            List<String> messages = new ArrayList<>();
            r.problems().forEach(p -> messages.add(texts.line(p, "en")));
            throw new InvalidChange(String.join("; ", messages), r.problems());
        }
        return r.application();
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
     * Reads a value typed on the command line: JSON when it is JSON (0.7, true, null, ["A","B"]); for a
     * list field, text split as the schema says ("AI_CHIP;AGENT", "Ascend 910B*512; NVIDIA A800*64"); else text.
     */
    public static Object parseValue(FieldDef field, String text) {
        try {
            JsonNode node = JsonIntake.mapper().readTree(text);
            if (node != null && !node.isMissingNode()) {
                return JsonIntake.mapper().treeToValue(node, Object.class);
            }
        } catch (RuntimeException notJson) {
            // fall through: plain text
        }
        if (field != null && field.type() == FieldType.CODE_LIST) {
            return FieldText.split(field, text);
        }
        if (field != null && field.type() == FieldType.ITEMS) {
            List<Object> items = new ArrayList<>();
            for (String item : FieldText.split(field, text)) {
                ObjectNode parsed = FieldText.item(field, item);
                items.add(parsed == null ? item : JsonIntake.mapper().treeToValue(parsed, Object.class));
            }
            return items;
        }
        return text;
    }
}
