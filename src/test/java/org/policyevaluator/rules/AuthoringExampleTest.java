package org.policyevaluator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.TestSupport;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.excel.WorkbookDump;
import org.policyevaluator.template.TemplateWriter;
import org.policyevaluator.tooling.FieldReference;
import org.policyevaluator.tooling.RuleChecker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/authoring.md's examples, done on a copy of rules/ with the snippets read from the page itself: a
 * new field and a banded criterion that scores it, and a new technology-area code, each in rules/ alone.
 */
class AuthoringExampleTest {
    private static final Path PAGE = Path.of("docs", "authoring.md");
    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: (\\w+) (\\S+) -->\\n```\\w*\\n(.*?)```",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    /** One snippet of the page: what kind of edit, where, and the text. */
    record Snippet(String kind, String target, String text) {
    }

    static List<Snippet> snippets() throws Exception {
        List<Snippet> out = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(Files.readString(PAGE, StandardCharsets.UTF_8));
        while (m.find()) {
            out.add(new Snippet(m.group(1), m.group(2), m.group(3)));
        }
        return out;
    }

    /** Applies the page's snippets to a copy of rules/: the edits a policy officer makes, and nothing else. */
    Path rulesWithTheExamples() throws Exception {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        List<Snippet> snippets = snippets();
        assertThat(snippets).extracting(Snippet::kind).containsExactly("schema", "drl", "csv", "csv", "messages", "messages",
                "csv");
        for (Snippet s : snippets) {
            if (s.kind().equals("schema")) {
                Path file = rules.resolve("schema/application.schema.json");
                ObjectNode schema = (ObjectNode) JsonIntake.mapper().readTree(Files.readString(file));
                ObjectNode property = (ObjectNode) JsonIntake.mapper().readTree("{" + s.text() + "}");
                ((ObjectNode) schema.get("properties").get(s.target()).get("properties")).setAll(property);
                Files.writeString(file, JsonIntake.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema));
            } else {
                Files.writeString(rules.resolve(s.target()), "\n" + s.text(), StandardOpenOption.APPEND);
            }
        }
        return rules;
    }

    @Test
    void exampleWhenAppliedToACopyOfTheRulesShouldScoreTheNewFieldWithoutJava() throws Exception {
        Path rules = rulesWithTheExamples();
        RuleBase ruleBase = RuleBase.fromDirectory(rules);
        Evaluator evaluator = new Evaluator(ruleBase);

        var read = ruleBase.reader().read(TestSupport.with("green.waterSavingPercent", 18), "$");
        assertThat(read.problems()).isEmpty();
        Evaluation zh = evaluator.evaluate(read.application(), "general", "zh");
        Evaluation.Finding finding = TestSupport.finding(zh, "GR-060").orElseThrow();
        assertThat(finding.points()).isEqualByComparingTo("1.67");
        assertThat(finding.maxPoints()).isEqualByComparingTo("2.5");
        assertThat(finding.reason()).isEqualTo("节水 18%，达到 ≥15% 档，得 1.67 分");
        assertThat(finding.clauses()).extracting(Evaluation.ClauseRef::id).containsExactly("B-3");
        assertThat(TestSupport.finding(evaluator.evaluate(read.application(), "general", "en"), "GR-060").orElseThrow()
                .reason()).isEqualTo("Water saving of 18%, reaching the >= 15% band (+1.67)");
        // the dimension keeps its weight: its rules are scaled to it
        assertThat(zh.dimensions()).filteredOn(d -> d.id().equals("greenTransformation"))
                .singleElement().extracting(Evaluation.DimensionScore::maxScore).isEqualTo(new java.math.BigDecimal("15"));

        // below the lowest band nothing is given, and why-not says how far it is
        Evaluation bare = evaluator.evaluate(ruleBase.reader().read(TestSupport.minimal(), "$").application(), "general", "zh");
        assertThat(TestSupport.finding(bare, "GR-060")).isEmpty();
        assertThat(bare.whyNot()).filteredOn(w -> w.ruleId().equals("GR-060")).singleElement()
                .extracting(Evaluation.WhyNot::reason).isEqualTo("节水率（%）未申报（最低一档 ≥5），得 0/2.5 分");

        // a self-assessment suggests it, verified by evaluating the change
        Evaluation assessed = evaluator.assess(read.application(), "general", "en");
        assertThat(assessed.suggestions()).anySatisfy(s -> {
            assertThat(s.changes()).containsExactly(new ApplicationEditor.Change("green.waterSavingPercent", 30.0));
            assertThat(s.ruleIds()).containsExactly("GR-060");
        });

        // the schema validates it, in its range, with a located message in both languages
        var wrong = ruleBase.reader().read(TestSupport.with("green.waterSavingPercent", 120), "$");
        assertThat(wrong.problems()).extracting(p -> ruleBase.problemTexts().line(p, "en"))
                .containsExactly("$.green.waterSavingPercent: expected a percentage from 0 to 100, found 120");
        assertThat(wrong.problems()).extracting(p -> ruleBase.problemTexts().message(p, "zh"))
                .containsExactly("应为0 到 100 之间的百分数，实际为120");

        // rules check passes: titled and explained in both languages, bands in range, GR-060 fires on the probes
        assertThat(new RuleChecker(RuleFiles.fromDirectory(rules)).run())
                .allSatisfy(c -> assertThat(c.problems()).as(c.name()).isEmpty());
    }

    @Test
    void exampleFieldShouldReachTheTemplateTheFieldReferenceAndTheServedSchema() throws Exception {
        RuleBase ruleBase = RuleBase.fromDirectory(rulesWithTheExamples());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TemplateWriter(ruleBase.schema(), ruleBase.tables().evidenceClaims()).write(out);
        Path template = Files.write(dir.resolve("template.xlsx"), out.toByteArray());
        assertThat(WorkbookDump.of(template)).contains("STRING green.waterSavingPercent", "节水率(%) / Water saving (%)");
        assertThat(FieldReference.markdown(ruleBase.schema()))
                .contains("| `green.waterSavingPercent` | percent |  | 0 to 100 | 节水率(%) — 0–100，如 15 或 15% |");
        JsonNode served = ruleBase.schema().served().get("properties").get("green").get("properties").get("waterSavingPercent");
        assertThat(served.get("maximum").asInt()).isEqualTo(100);

        // a workbook column headed by the path or a label is read: "15%" in a cell is 15
        var intake = new org.policyevaluator.intake.excel.WorkbookIntake(ruleBase.reader());
        Path workbook = org.policyevaluator.intake.excel.TestWorkbooks.xlsx(dir.resolve("batch.xlsx"), "S",
                new Object[] {"applicationId", "title", "applicant.name", "budget.total", "budget.requested", "节水率(%)"},
                new Object[] {"W-1", "T", "C", 100, 50, "15%"});
        List<Object> read = new ArrayList<>();
        intake.read(workbook, s -> read.add(s.application().get("green.waterSavingPercent")), read::add);
        assertThat(read).containsExactly(15.0);
    }

    @Test
    void newTechnologyAreaShouldBeOneRowOfItsTable() throws Exception {
        Path rules = rulesWithTheExamples();
        RuleBase ruleBase = RuleBase.fromDirectory(rules);
        var read = ruleBase.reader().read(TestSupport.with("techAreas", List.of("SCIENTIFIC_AI")), "$");
        assertThat(read.problems()).isEmpty();
        Evaluation e = new Evaluator(ruleBase).evaluate(read.application(), "general", "zh");
        assertThat(TestSupport.finding(e, "KT-020").orElseThrow().reason()).isEqualTo("攻关 科学智能，属第二梯队关键技术，得 12 分");
        assertThat(ruleBase.schema().served().get("properties").get("techAreas").get("items").get("enum").toString())
                .contains("\"SCIENTIFIC_AI\"");
        // the bundled rules do not know it
        assertThat(TestSupport.RULES.reader().read(TestSupport.with("techAreas", List.of("SCIENTIFIC_AI")), "$").problems())
                .isNotEmpty();
    }
}
