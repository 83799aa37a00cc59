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

    /** A .properties file of the project (a message bundle), read as UTF-8. */
    public static java.util.Properties properties(String path) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(path),
                java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
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

    /**
     * Evaluated as a rule test wants it: every claim backed by valid evidence (added where the application
     * gives none), so that the rules score what is declared; the evidence tests evaluate without this.
     */
    public static Evaluation evaluate(ObjectNode json, String lang) {
        return EVALUATOR.evaluate(bind(backed(json.deepCopy())), "general", lang);
    }

    /** The application with valid, distinct evidence for each claim it makes that has none. */
    public static ObjectNode backed(ObjectNode app) {
        ObjectNode evidence = app.get("evidence") instanceof ObjectNode e ? e : app.putObject("evidence");
        JsonNode q = app.path("applicant").path("qualifications");
        java.util.Map<String, String> lists = java.util.Map.of("LITTLE_GIANT", "专精特新“小巨人”企业 2023",
                "SPECIALIZED_SME", "专精特新中小企业 2023", "HIGH_TECH_ENTERPRISE", "高新技术企业 2022",
                "NATIONAL_SMART_FACTORY", "智能制造示范工厂 2023");
        if (q.isArray()) {
            for (JsonNode code : q) {
                String claim = "applicant.qualifications." + code.asString();
                if (!evidence.has(claim) && lists.containsKey(code.asString())) {
                    evidence.putArray(claim).add(lists.get(code.asString()));
                } else if (!evidence.has(claim) && code.asString().equals("LEADING_ENTERPRISE")) {
                    evidence.putArray(claim).addObject().put("name", "认定文件.pdf").put("sha256", "ab".repeat(32));
                }
            }
        }
        backIf(app, evidence, "applicant.inNationalCluster", "国家先进制造业集群 2022");
        backIf(app, evidence, "green.greenFactory", "绿色工厂 2021");
        backIf(app, evidence, "green.greenSupplyChain", "绿色供应链管理企业 2022");
        backIf(app, evidence, "green.inGreenPark", "绿色园区 2020");
        backIf(app, evidence, "green.aiGreenCase", "人工智能+绿色转型优秀案例 2025");
        for (String claim : List.of("scenario.industryEnablementCenter", "budget.socialCapital")) {
            String[] p = claim.split("\\.");
            JsonNode v = app.path(p[0]).path(p[1]);
            if ((v.asBoolean(false) || v.isNumber()) && !evidence.has(claim)) {
                evidence.putArray(claim).addObject().put("name", p[1] + ".pdf").put("sha256", "cd".repeat(32));
            }
        }
        int patents = app.path("innovation").path("inventionPatents").asInt(0);
        if (patents > 0 && !evidence.has("innovation.inventionPatents")) {
            ArrayNode a = evidence.putArray("innovation.inventionPatents");
            for (int i = 0; i < Math.min(patents, 20_000); i++) {
                a.add(patent(2020, i));
            }
        }
        int copyrights = app.path("innovation").path("softwareCopyrights").asInt(0);
        if (copyrights > 0 && !evidence.has("innovation.softwareCopyrights")) {
            ArrayNode a = evidence.putArray("innovation.softwareCopyrights");
            for (int i = 0; i < Math.min(copyrights, 20_000); i++) {
                a.add(String.format("2022SR%07d", i + 1));
            }
        }
        int standards = app.path("innovation").path("standards").asInt(0);
        if (standards > 0 && !evidence.has("innovation.standards")) {
            ArrayNode a = evidence.putArray("innovation.standards");
            for (int i = 0; i < Math.min(standards, 20_000); i++) {
                a.add("T/CESA " + (1000 + i) + "-2023");
            }
        }
        if (evidence.isEmpty()) {
            app.remove("evidence");
        }
        return app;
    }

    private static void backIf(ObjectNode app, ObjectNode evidence, String claim, String listing) {
        String[] p = claim.split("\\.");
        if (app.path(p[0]).path(p[1]).asBoolean(false) && !evidence.has(claim)) {
            evidence.putArray(claim).add(listing);
        }
    }

    /** A valid CNIPA invention patent number: ZL, year, 1, a 7-digit serial, the check character. */
    public static String patent(int year, int serial) {
        return org.policyevaluator.evidence.References.inventionPatent(year, serial + 1);
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
