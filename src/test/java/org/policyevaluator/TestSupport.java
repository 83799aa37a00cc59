package org.policyevaluator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.ApplicationReader;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.model.Application;
import org.policyevaluator.rules.RuleBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds applications field by field and evaluates them with the bundled rules (compiled once per test run). */
public final class TestSupport {
    public static final RuleBase RULES = RuleBase.bundled();
    public static final Evaluator EVALUATOR = new Evaluator(RULES);

    private TestSupport() {
    }

    /** The smallest application that passes every gate and scores nothing. */
    public static ObjectNode minimal() {
        ObjectNode app = JsonIntake.mapper().createObjectNode();
        app.put("applicationId", "T-1");
        app.put("title", "测试项目");
        set(app, "applicant.name", "测试公司");
        set(app, "applicant.creditCode", "91350100M000100Y43");
        set(app, "applicant.type", "ENTERPRISE");
        set(app, "budget.total", 1000);
        set(app, "budget.requested", 400);
        return app;
    }

    /** Sets a value by canonical path, creating objects on the way; lists given as List become arrays. */
    public static ObjectNode set(ObjectNode root, String path, Object value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], JsonIntake.mapper().valueToTree(value));
        return root;
    }

    public static ObjectNode with(Object... pathValues) {
        ObjectNode app = minimal();
        for (int i = 0; i < pathValues.length; i += 2) {
            set(app, (String) pathValues[i], pathValues[i + 1]);
        }
        return app;
    }

    public static ArrayNode chips(Object... modelCount) {
        ArrayNode a = JsonIntake.mapper().createArrayNode();
        for (int i = 0; i < modelCount.length; i += 2) {
            a.addObject().put("model", (String) modelCount[i]).put("count", (Integer) modelCount[i + 1]);
        }
        return a;
    }

    public static Application bind(ObjectNode json) {
        ApplicationReader.Result read = RULES.reader().read(json, "$");
        assertThat(read.problems()).as("test application must be valid").isEmpty();
        return read.application();
    }

    /** The problems of an application read at "$", each as "location: message" in English. */
    public static List<String> problems(ObjectNode json) {
        ApplicationReader.Result read = RULES.reader().read(json, "$");
        return read.problems().stream().map(p -> RULES.problemTexts().line(p, "en")).toList();
    }

    public static Evaluation evaluate(ObjectNode json) {
        return evaluate(json, "zh");
    }

    public static Evaluation evaluate(ObjectNode json, String lang) {
        return EVALUATOR.evaluate(bind(json), "general", lang);
    }

    public static Optional<Evaluation.Finding> finding(Evaluation e, String ruleId) {
        return e.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst();
    }

    public static Optional<Evaluation.FlagResult> flag(Evaluation e, String ruleId) {
        return e.flags().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst();
    }

    public static Evaluation.GateResult gate(Evaluation e, String ruleId) {
        return e.gates().stream().filter(g -> g.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    /** A copy of the project's rules/ folder under {@code target}, to change in a test. */
    public static java.nio.file.Path copyOfRules(java.nio.file.Path target) throws java.io.IOException {
        java.nio.file.Path source = java.nio.file.Path.of("rules");
        try (var walk = java.nio.file.Files.walk(source)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) walk::iterator) {
                java.nio.file.Path to = target.resolve(source.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(to);
                } else {
                    java.nio.file.Files.copy(p, to);
                }
            }
        }
        return target;
    }

    public static List<String> firedRuleIds(Evaluation e) {
        return e.findings().stream().map(Evaluation.Finding::ruleId).toList();
    }
}
