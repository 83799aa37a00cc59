package org.policyevaluator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.junit.jupiter.api.io.TempDir;

/** A rules folder given at run time: used as it is, or refused with the file and line of each problem. */
class RulesFolderTest {
    @TempDir
    Path dir;

    private static void replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertThat(s).contains(from);
        Files.writeString(file, s.replace(from, to));
    }

    @Test
    void parametersShouldTakeTheProgrammeColumnThenItsOwnRowThenTheRowForEveryProgrammeAsNumDoes() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        Files.writeString(rules.resolve("tables/parameters.csv"), Files.readString(rules.resolve("tables/parameters.csv"))
                + "compute,flag.minMonths,9,compute's own\n*,maxRequestedShare,0.9,every programme's - below the column\n");
        PolicyTables tables = RuleBase.fromDirectory(rules).tables();

        assertThat(tables.parameters("compute")).containsEntry("flag.minMonths", 9.0).containsEntry("maxRequestedShare", 0.5);
        assertThat(tables.parameters("general")).containsEntry("flag.minMonths", 3.0).containsEntry("maxRequestedShare", 0.5)
                .doesNotContainKey("minDomesticShare");
        assertThat(tables.parameters("compute")).containsEntry("minDomesticShare", 0.5);
        // num, which the rules call, resolves as parameters lists: the programme's column, its own row, the row for all
        assertThat(tables.num("compute", "maxRequestedShare")).isEqualTo(0.5);
        assertThat(tables.num("compute", "flag.minMonths")).isEqualTo(9.0);
        assertThat(tables.num("general", "flag.minMonths")).isEqualTo(3.0);
        assertThat(tables.num("compute", "compute.maxShareWithoutInventory")).isEqualTo(0.5);
        assertThat(tables.num("general", "compute.maxShareWithoutInventory")).isEqualTo(0.7);
        assertThatThrownBy(() -> tables.num("general", "minDomesticShare")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no parameter 'minDomesticShare' for programme general in tables/programs.csv or tables/parameters.csv");
    }

    @Test
    void folderWhenIdenticalToBundledShouldHaveTheSameVersion() throws IOException {
        assertThat(RuleBase.fromDirectory(TestSupport.copyOfRules(dir.resolve("rules"))).version()).isEqualTo(RuleBase.bundled().version());
    }

    @Test
    void folderWhenAWeightChangesShouldHaveANewVersion() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        replace(rules.resolve("tables/scoring.csv"), "GR-040,*,,,2,", "GR-040,*,,,3,");
        assertThat(RuleBase.fromDirectory(rules).version()).isNotEqualTo(RuleBase.bundled().version());
    }

    @Test
    void folderWhenDrlHasASyntaxErrorShouldBeRefusedWithFileAndLine() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        replace(rules.resolve("drl/green-transformation.drl"), "$f : Facts( yes(\"green.greenFactory\") )",
                "$f : Facts( yes(\"green.greenFactory\") == )");
        assertThatThrownBy(() -> RuleBase.fromDirectory(rules)).isInstanceOf(RuleBaseException.class)
                .satisfies(e -> assertThat(((RuleBaseException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith("drl/green-transformation.drl line 42:")));
    }

    @Test
    void folderWhenAnotherProgrammeIsMarkedDefaultShouldEvaluateUnmarkedApplicationsUnderIt() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        replace(rules.resolve("tables/programs.csv"), "general,yes,", "general,,");
        replace(rules.resolve("tables/programs.csv"), "compute,,", "compute,yes,");
        var evaluator = new org.policyevaluator.evaluation.Evaluator(RuleBase.fromDirectory(rules));
        assertThat(evaluator.defaultProgramme()).isEqualTo("compute");
        var app = TestSupport.bind(TestSupport.minimal());
        assertThat(evaluator.programFor(app, null)).isEqualTo("compute");
        assertThat(evaluator.programFor(app, "manufacturing")).isEqualTo("manufacturing");
        assertThat(TestSupport.EVALUATOR.programFor(app, null)).isEqualTo("general");
    }

    @Test
    void folderWhenNoProgrammeOrTwoAreMarkedDefaultShouldBeRefused() throws IOException {
        Path none = TestSupport.copyOfRules(dir.resolve("none"));
        replace(none.resolve("tables/programs.csv"), "general,yes,", "general,,");
        assertThatThrownBy(() -> RuleBase.fromDirectory(none)).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("tables/programs.csv: exactly one programme must be the default (column default = yes), not none");
        Path two = TestSupport.copyOfRules(dir.resolve("two"));
        replace(two.resolve("tables/programs.csv"), "compute,,", "compute,yes,");
        assertThatThrownBy(() -> RuleBase.fromDirectory(two)).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("not general, compute");
    }

    @Test
    void folderWhenRuleMatchesTwoPatternsShouldBeRefused() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        replace(rules.resolve("drl/green-transformation.drl"), "$f : Facts( yes(\"green.greenFactory\") )",
                "$f : Facts( yes(\"green.greenFactory\") )\n    $q : Facts( this != $f )");
        assertThatThrownBy(() -> RuleBase.fromDirectory(rules)).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("drl/green-transformation.drl: rule GR-040: must match a single Facts pattern (it has 2 conditions)");
    }

    @Test
    void folderWhenRuleCitesAnUnknownClauseShouldBeRefused() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        replace(rules.resolve("drl/green-transformation.drl"), "@clauses(\"B-3, A-3.2\")", "@clauses(\"B-3, Z-9\")");
        assertThatThrownBy(() -> RuleBase.fromDirectory(rules)).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("drl/green-transformation.drl: rule GR-040: cites clause Z-9, which is not in clauses.csv");
    }

    @Test
    void folderWhenTableValueIsNotANumberShouldBeRefusedWithFileAndLine() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        replace(rules.resolve("tables/scoring.csv"), "GR-040,*,,,2,", "GR-040,*,,,two,");
        assertThatThrownBy(() -> RuleBase.fromDirectory(rules)).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("tables/scoring.csv line 33: points 'two': expected a number");
    }

    @Test
    void folderWhenScoringRowNamesNoRuleShouldBeRefused() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        Files.writeString(rules.resolve("tables/scoring.csv"), "GR-099,*,,,1,orphan\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> RuleBase.fromDirectory(rules)).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("tables/scoring.csv: rule GR-099 is not a score rule in any .drl file");
    }

    @Test
    void folderWhenMissingShouldBeRefused() {
        assertThatThrownBy(() -> RuleBase.fromDirectory(dir.resolve("nope"))).isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("not a folder");
    }
}
