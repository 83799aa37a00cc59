package org.policyevaluator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.TestSupport;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.model.Application;
import org.policyevaluator.report.JsonReport;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bundled rules compiled at build time (the executable model) behave exactly as the rules compiled at
 * start, and are only used for the same DRL files.
 */
class PrecompiledRulesTest {
    @TempDir
    Path dir;

    private static RuleFiles withChange(String file, String from, String to) {
        var changed = new TreeMap<>(RuleFiles.bundled().files());
        String text = new String(changed.get(file), StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        changed.put(file, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return new RuleFiles("changed", changed);
    }

    @Test
    void bundledRulesShouldComeFromTheModelCompiledAtBuildTime() {
        assertThat(PrecompiledRules.load(RuleFiles.bundled())).isNotNull();
        assertThat(RuleBase.bundled().precompiled()).isTrue();
        assertThat(TestSupport.RULES.precompiled()).isTrue();
    }

    @Test
    void precompiledRulesShouldEvaluateExactlyAsCompiledOnes() throws IOException {
        RuleBase compiled = RuleBase.build(RuleFiles.bundled(), false);
        RuleBase precompiled = RuleBase.bundled();
        assertThat(compiled.precompiled()).isFalse();
        assertThat(precompiled.catalogue()).isEqualTo(compiled.catalogue());
        assertThat(precompiled.version()).isEqualTo(compiled.version());
        var app = TestSupport.bind(TestSupport.with("techAreas", java.util.List.of("AGENT"), "compute.chips",
                TestSupport.chips("Ascend 910B", 12, "NVIDIA H20", 40), "compute.trainingDomesticShare", 0.9,
                "green.dataCenterPue", 1.28, "scenario.sector", "HEALTHCARE"));
        assertThat(JsonReport.toJson(new Evaluator(precompiled).assess(app, "general", "zh")))
                .isEqualTo(JsonReport.toJson(new Evaluator(compiled).assess(app, "general", "zh")));
        // every sample, all in one session (a batch): each firing must still reach its own application
        List<Application> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                var json = JsonIntake.mapper().readTree(Files.readString(p));
                if (json instanceof ObjectNode o && o.has("applicationId")) {
                    var read = precompiled.reader().read(o, "$");
                    if (read.problems().isEmpty()) {
                        samples.add(read.application());
                    }
                }
            }
        }
        assertThat(samples).hasSizeGreaterThan(5);
        for (String lang : List.of("zh", "en")) {
            assertThat(new Evaluator(precompiled).evaluateAll(samples, null, lang).stream().map(JsonReport::toJson).toList())
                    .isEqualTo(new Evaluator(compiled).evaluateAll(samples, null, lang).stream().map(JsonReport::toJson).toList());
        }
    }

    @Test
    void precompiledRulesShouldBeIgnoredWhenTheDrlDiffers() {
        RuleFiles changed = withChange("drl/green-transformation.drl", "// Green transformation",
                "// Green transformation, changed");
        assertThat(PrecompiledRules.load(changed)).isNull();
        RuleBase rules = RuleBase.build(changed);
        assertThat(rules.precompiled()).isFalse();
        assertThat(rules.catalogue()).isEqualTo(TestSupport.RULES.catalogue());
    }

    @Test
    void precompiledRulesShouldServeRulesetsThatDifferOnlyInTablesOrMessages() {
        // the model is compiled from the DRL alone: the tables, messages and schema are read at start anyway
        RuleFiles changed = withChange("tables/parameters.csv", "flag.minMonths,3", "flag.minMonths,4");
        assertThat(PrecompiledRules.load(changed)).isNotNull();
        RuleBase rules = RuleBase.build(changed);
        assertThat(rules.precompiled()).isTrue();
        assertThat(rules.version()).isNotEqualTo(TestSupport.RULES.version());
    }

    @Test
    void folderWhenIdenticalToBundledShouldUseTheModelAndAChangedOneShouldCompile() throws IOException {
        Path same = TestSupport.copyOfRules(dir.resolve("same"));
        assertThat(RuleBase.fromDirectory(same).precompiled()).isTrue();
        Path changed = TestSupport.copyOfRules(dir.resolve("changed"));
        Path drl = changed.resolve("drl/gates.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// a comment is a change\n");
        RuleBase compiled = RuleBase.fromDirectory(changed);
        assertThat(compiled.precompiled()).isFalse();
        assertThat(compiled.catalogue()).isEqualTo(TestSupport.RULES.catalogue());
    }

    @Test
    void buildStepShouldWriteTheHashOfTheDrlAndRefuseABrokenFolder() throws IOException {
        Path out = dir.resolve("out/model.properties");
        PrecompiledRules.main(new String[] {"rules", "rules", "META-INF/kie/x/y/drools-model", out.toString()});
        assertThat(Files.readString(out)).contains("drl=" + RuleFiles.bundled().drl().sha256())
                .contains("index=META-INF/kie/x/y/drools-model").doesNotContain(RuleFiles.bundled().sha256());
        Path broken = TestSupport.copyOfRules(dir.resolve("broken"));
        Path drl = broken.resolve("drl/green-transformation.drl");
        Files.writeString(drl, Files.readString(drl).replace("$f : Facts( yes(\"green.greenFactory\") )",
                "$f : Facts( yes(\"green.greenFactory\") == )"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrecompiledRules.main(
                        new String[] {broken.toString(), broken.toString(), "index", dir.resolve("x").toString()}))
                .isInstanceOf(RuleBaseException.class).hasMessageContaining("drl/green-transformation.drl line 42:");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
