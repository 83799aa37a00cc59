package org.policyevaluator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.report.JsonReport;

/** The rules compiled at build time behave exactly as the rules compiled at start, and are only used for the same files. */
class PrecompiledRulesTest {

    @Test
    void buildShouldHavePrecompiledTheBundledRules() {
        assertThat(PrecompiledRules.load(RuleFiles.bundled())).isNotNull().isNotEmpty();
    }

    @Test
    void precompiledRulesShouldEvaluateExactlyAsCompiledOnes() {
        RuleBase compiled = RuleBase.build(RuleFiles.bundled());
        RuleBase precompiled = RuleBase.bundled();
        assertThat(precompiled.catalogue()).isEqualTo(compiled.catalogue());
        var app = TestSupport.bind(TestSupport.with("techAreas", java.util.List.of("AGENT"), "compute.chips",
                TestSupport.chips("Ascend 910B", 12, "NVIDIA H20", 40), "compute.trainingDomesticShare", 0.9,
                "green.dataCenterPue", 1.28, "scenario.sector", "HEALTHCARE"));
        assertThat(JsonReport.toJson(new Evaluator(precompiled).assess(app, "general", "zh")))
                .isEqualTo(JsonReport.toJson(new Evaluator(compiled).assess(app, "general", "zh")));
    }

    @Test
    void precompiledRulesShouldBeIgnoredWhenTheFilesDiffer() {
        var changed = new TreeMap<>(RuleFiles.bundled().files());
        changed.put("tables/parameters.csv", (new String(changed.get("tables/parameters.csv"), StandardCharsets.UTF_8)
                .replace("flag.minMonths,3", "flag.minMonths,4")).getBytes(StandardCharsets.UTF_8));
        assertThat(PrecompiledRules.load(new RuleFiles("changed", changed))).isNull();
    }
}
