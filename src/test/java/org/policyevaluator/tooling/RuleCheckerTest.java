package org.policyevaluator.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.junit.jupiter.api.io.TempDir;
import org.policyevaluator.rules.RuleFiles;

/** rules check: passes the bundled rules, and catches what compiling alone does not. */
class RuleCheckerTest {
    @TempDir
    Path dir;

    private static void replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertThat(s).contains(from);
        Files.writeString(file, s.replace(from, to));
    }

    private static List<String> problems(Path rules) {
        return new RuleChecker(RuleFiles.fromDirectory(rules)).run().stream().flatMap(c -> c.problems().stream()).toList();
    }

    @Test
    void checkWhenBundledRulesShouldPassEveryCheck() {
        List<RuleChecker.Check> checks = new RuleChecker(RuleFiles.bundled()).run();
        assertThat(checks).hasSize(6).allSatisfy(c -> assertThat(c.problems()).as(c.name()).isEmpty());
    }

    @Test
    void checkWhenABandLiesOutsideTheDomainShouldNameIt() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        replace(rules.resolve("tables/scoring.csv"), "DC-010,*,>=,0.9,10,", "DC-010,*,>=,1.2,10,");
        assertThat(problems(rules)).contains(
                "DC-010 (general): band >= 1.2 can never be reached: derived.trainingShare lies in [0.0, 1.0]");
    }

    @Test
    void checkWhenARuleCanNeverFireShouldNameIt() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        replace(rules.resolve("drl/green-transformation.drl"), "$f : Facts( yes(\"green.greenFactory\") )",
                "$f : Facts( yes(\"green.greenFactory\"), count(\"scenario.manufacturingStages\") > 5 )");
        assertThat(problems(rules)).anySatisfy(p -> assertThat(p).startsWith("GR-040 never fired on "));
    }

    @Test
    void checkWhenAPriorityClauseIsNotEncodedShouldNameIt() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        Files.writeString(rules.resolve("tables/priorities.csv"), "domesticCompute,A-4.2,duplication is not scored\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(problems(rules)).contains("priority domesticCompute: clause A-4.2 is cited by no score rule");
    }

    @Test
    void checkWhenAMessageIsInOneLanguageOnlyShouldNameTheBundleThatLacksIt() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        replace(rules.resolve("messages/messages_zh.properties"), "found.list=", "found.lists=");
        assertThat(problems(rules)).contains("messages_zh.properties: no found.list (messages_en has it)",
                "messages_en.properties: no found.lists (messages_zh has it)");
    }

    @Test
    void checkWhenAMessageIsMissingShouldNameTheBundleAndKey() throws IOException {
        Path rules = TestSupport.copyOfRules(dir.resolve("rules"));
        replace(rules.resolve("messages/messages_en.properties"), "IE-060.whynot=", "IE-060.why=");
        assertThat(problems(rules)).contains("messages_en.properties: no IE-060.whynot");
    }
}
