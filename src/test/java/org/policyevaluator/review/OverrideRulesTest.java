package org.policyevaluator.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.account.Account;
import org.policyevaluator.account.Organisation;
import org.policyevaluator.account.Role;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import tools.jackson.databind.node.ObjectNode;

/** Who may override and what a valid override is, on the engine's result for the green-textile sample (general). */
class OverrideRulesTest {
    static final Account REVIEWER = account("rev", Role.REVIEWER, "general");
    static final Account OTHER_REVIEWER = account("rev-c", Role.REVIEWER, "compute");
    static final Account ADMIN = account("adm", Role.ADMIN);
    static final Account AUDITOR = account("aud", Role.AUDITOR);
    static final Account APPLICANT = account("app", Role.APPLICANT);
    static final String WHY = "GR-010: the saving is projected, not measured";

    static Evaluation engine;
    /** The sample as another account submitted it, for its own applicant. */
    static final OverrideRules.Origin SOMEONE_ELSE = new OverrideRules.Origin("someone-else", "绍兴绿纺科技有限公司",
            "91330681MA2BW3L7XA");

    @BeforeAll
    static void evaluateTheSample() throws Exception {
        ObjectNode json = (ObjectNode) JsonIntake.mapper().readTree(
                Files.readString(Path.of("samples/green-textile-factory.json"), StandardCharsets.UTF_8));
        engine = TestSupport.EVALUATOR.evaluate(TestSupport.bind(json), "general", "en");
    }

    static Account account(String name, Role role, String... programs) {
        return new Account(name, role, List.of(programs), null, "2026-01-01T00:00:00Z", "test");
    }

    static OverrideRules.Checked check(Account who, OverrideRules.Request r) {
        return OverrideRules.check(who, "general", SOMEONE_ELSE, engine, r);
    }

    static List<String> problems(Account who, OverrideRules.Request r) {
        try {
            check(who, r);
        } catch (OverrideRules.Invalid e) {
            return e.problems().stream().map(OverrideRulesTest::describe).toList();
        }
        throw new AssertionError("expected the override to be invalid");
    }

    static String describe(Problem p) {
        return p.location().field() + " " + p.key() + " " + p.args();
    }

    @Test
    void checkWhenReviewerOfTheProgrammeSetsADimensionScoreShouldKeepTheEngineValueBesideIt() {
        var c = check(REVIEWER, new OverrideRules.Request("DIMENSION", "greenTransformation", "GR-010", "10.0", "  " + WHY + " "));
        assertThat(c).isEqualTo(new OverrideRules.Checked("DIMENSION", "greenTransformation", "GR-010", "12", "10", WHY));
    }

    @Test
    void checkWhenEligibilityIsOverriddenShouldNameTheGateAndTheEngineEligibility() {
        var c = check(ADMIN, new OverrideRules.Request("ELIGIBILITY", null, "GT-030", "false", WHY));
        assertThat(c).isEqualTo(new OverrideRules.Checked("ELIGIBILITY", "eligible", "GT-030", "true", "false", WHY));
    }

    @Test
    void mayOverrideShouldBeTheProgrammesReviewersAndAdminsOnly() {
        assertThat(OverrideRules.mayOverride(REVIEWER, "general", SOMEONE_ELSE)).isTrue();
        assertThat(OverrideRules.mayOverride(REVIEWER, "compute", SOMEONE_ELSE)).isFalse();
        assertThat(OverrideRules.mayOverride(ADMIN, "compute", SOMEONE_ELSE)).isTrue();
        assertThat(OverrideRules.mayOverride(AUDITOR, "general", SOMEONE_ELSE)).isFalse();
        assertThat(OverrideRules.mayOverride(APPLICANT, "general", SOMEONE_ELSE)).isFalse();
        // nobody overrides what they submitted, whatever their role
        assertThat(OverrideRules.mayOverride(REVIEWER, "general", OverrideRules.Origin.submittedBy(REVIEWER.username().toUpperCase()))).isFalse();
        assertThat(OverrideRules.mayOverride(ADMIN, "general", OverrideRules.Origin.submittedBy(ADMIN.username()))).isFalse();
    }

    @Test
    void mayOverrideWhenTheReviewerWorksForTheApplicantShouldBeFalseByCreditCodeOrElseByName() {
        var sameCode = new Account("rev-org", Role.REVIEWER, List.of("general"),
                new Organisation("绍兴绿纺科技", "91330681ma2bw3l7xa"), "2026-01-01T00:00:00Z", "test");
        var sameName = new Account("rev-name", Role.REVIEWER, List.of("general"),
                new Organisation(" 绍兴绿纺科技有限公司 ", null), "2026-01-01T00:00:00Z", "test");
        var otherCode = new Account("rev-other", Role.REVIEWER, List.of("general"),
                new Organisation("绍兴绿纺科技有限公司", "91110000100000000C"), "2026-01-01T00:00:00Z", "test");
        assertThat(OverrideRules.mayOverride(sameCode, "general", SOMEONE_ELSE)).isFalse();
        assertThat(OverrideRules.mayOverride(sameName, "general", SOMEONE_ELSE)).isFalse();
        // two credit codes decide: the same name with another code is another organisation
        assertThat(OverrideRules.mayOverride(otherCode, "general", SOMEONE_ELSE)).isTrue();
        assertThatThrownBy(() -> check(sameCode, new OverrideRules.Request("DIMENSION", "greenTransformation", "GR-010",
                "10", WHY))).isInstanceOfSatisfying(OverrideRules.Refused.class, e -> {
                    assertThat(e.key()).isEqualTo("review.refused.organisation");
                    assertThat(e.args()).isEqualTo(Map.of("organisation", "绍兴绿纺科技"));
                });
    }

    @Test
    void checkWhenTheAccountMayNotOverrideShouldRefuseWithItsReason() {
        var r = new OverrideRules.Request("DIMENSION", "greenTransformation", "GR-010", "10", WHY);
        assertThatThrownBy(() -> check(AUDITOR, r)).isInstanceOfSatisfying(OverrideRules.Refused.class,
                e -> assertThat(e.key()).isEqualTo("review.refused.auditor"));
        assertThatThrownBy(() -> check(APPLICANT, r)).isInstanceOfSatisfying(OverrideRules.Refused.class,
                e -> assertThat(e.key()).isEqualTo("review.refused.applicant"));
        assertThatThrownBy(() -> check(OTHER_REVIEWER, r)).isInstanceOfSatisfying(OverrideRules.Refused.class, e -> {
            assertThat(e.key()).isEqualTo("review.refused.programme");
            assertThat(e.args()).isEqualTo(Map.of("program", "general"));
        });
    }

    @Test
    void checkWhenPartsAreMissingShouldListEveryMissingPart() {
        assertThat(problems(REVIEWER, new OverrideRules.Request("DIMENSION", " ", null, null, ""))).containsExactly(
                "target review.required {}", "ruleId review.required {}", "newValue review.required {}",
                "justification review.required {}");
        assertThat(problems(REVIEWER, null)).containsExactly("targetKind review.required {}", "ruleId review.required {}",
                "newValue review.required {}", "justification review.required {}");
    }

    @Test
    void checkWhenAPartIsWrongShouldNameItWithTheValueThatLimitsIt() {
        assertThat(problems(REVIEWER, new OverrideRules.Request("DIMENSION", "greenTransformation", "GR-010", "10", "too short")))
                .containsExactly("justification review.justification.short {min=10}");
        assertThat(problems(REVIEWER, new OverrideRules.Request("DIMENSION", "greenTransformation", "FL-070", "10", WHY)))
                .containsExactly("ruleId review.ruleId.notInEvaluation {ruleId=FL-070}");
        assertThat(problems(REVIEWER, new OverrideRules.Request("DIMENSION", "quantum", "GR-010", "10", WHY)))
                .containsExactly("target review.target.unknown {target=quantum}");
        assertThat(problems(REVIEWER, new OverrideRules.Request("DIMENSION", "greenTransformation", "GR-010", "ten", WHY)))
                .containsExactly("newValue review.newValue.notScore {value=ten}");
        assertThat(problems(REVIEWER, new OverrideRules.Request("DIMENSION", "greenTransformation", "GR-010", "16", WHY)))
                .containsExactly("newValue review.newValue.range {max=15}");
        assertThat(problems(REVIEWER, new OverrideRules.Request("DIMENSION", "greenTransformation", "GR-010", "-1", WHY)))
                .containsExactly("newValue review.newValue.range {max=15}");
        assertThat(problems(REVIEWER, new OverrideRules.Request("ELIGIBILITY", null, "GT-030", "maybe", WHY)))
                .containsExactly("newValue review.newValue.boolean {value=maybe}");
        assertThat(problems(REVIEWER, new OverrideRules.Request("ELIGIBILITY", null, "GR-010", "false", WHY)))
                .containsExactly("ruleId review.ruleId.notGate {ruleId=GR-010}");
        assertThat(problems(REVIEWER, new OverrideRules.Request("SCORE", null, "GR-010", "1", WHY)))
                .containsExactly("targetKind review.targetKind {value=SCORE}");
    }

    @Test
    void checkWhenInvalidShouldLocateEachProblemAtTheRequestField() {
        try {
            check(REVIEWER, new OverrideRules.Request("DIMENSION", "greenTransformation", "GR-010", "16", WHY));
            throw new AssertionError("expected the override to be invalid");
        } catch (OverrideRules.Invalid e) {
            assertThat(e.problems()).extracting(p -> ((Location.InJson) p.location()).path()).containsExactly("$.newValue");
        }
    }
}
