package org.policyevaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.batch.SyntheticApplications;
import org.policyevaluator.intake.ApplicationReader;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.model.Application;
import tools.jackson.databind.node.ObjectNode;

/**
 * Several applications in one rule session (as a batch evaluates them) give exactly what each gives
 * alone, whatever programmes they are under; and the fast decimal rounding of derived ratios is the
 * BigDecimal rounding it replaces.
 */
class ChunkedEvaluationTest {
    private static final List<String> PROGRAMMES = List.of("general", "compute", "manufacturing");

    private static List<Application> applicationsUnderMixedProgrammes(int n) {
        return applicationsUnderMixedProgrammes(TestSupport.RULES, n);
    }

    /** {@code n} synthetic applications (a fixed seed), each under one of three programmes in turn, read by {@code rules}. */
    static List<Application> applicationsUnderMixedProgrammes(org.policyevaluator.rules.RuleBase rules, int n) {
        List<Application> apps = new ArrayList<>();
        List<ObjectNode> generated = SyntheticApplications.generate(rules.schema(), n, 7);
        for (int i = 0; i < generated.size(); i++) {
            var read = rules.reader().read(generated.get(i).put("program", PROGRAMMES.get(i % PROGRAMMES.size())), "$");
            assertThat(read.problems()).isEmpty();
            apps.add(read.application());
        }
        return apps;
    }

    @Test
    void evaluateAllWhenApplicationsShareASessionShouldEqualEvaluatingEachAlone() {
        List<Application> apps = applicationsUnderMixedProgrammes(96);
        for (String lang : List.of("zh", "en")) {
            List<Evaluation> together = TestSupport.EVALUATOR.evaluateAll(apps, null, lang);
            assertThat(together).hasSize(apps.size());
            for (int i = 0; i < apps.size(); i++) {
                Evaluation alone = TestSupport.EVALUATOR.evaluate(apps.get(i), apps.get(i).program(), lang);
                assertThat(JsonIntake.mapper().writeValueAsString(together.get(i)))
                        .as("application %d (%s)", i, apps.get(i).program())
                        .isEqualTo(JsonIntake.mapper().writeValueAsString(alone));
            }
        }
    }

    @Test
    void evaluateAllWhenTheSessionHoldsManyShouldStillFireEveryKindOfRule() {
        List<Evaluation> together = TestSupport.EVALUATOR.evaluateAll(applicationsUnderMixedProgrammes(96), null, "zh");
        assertThat(together).anySatisfy(e -> assertThat(e.flags()).isNotEmpty());
        assertThat(together).anySatisfy(e -> assertThat(e.eligible()).isFalse());
        assertThat(together).allSatisfy(e -> assertThat(e.findings()).isNotEmpty());
        assertThat(together.stream().map(Evaluation::program).distinct()).containsExactlyInAnyOrderElementsOf(PROGRAMMES);
    }

    @Test
    void roundShouldGiveWhatBigDecimalHalfUpGivesIncludingTiesAndNegativeZero() {
        Random random = new Random(11);
        List<Double> values = new ArrayList<>(List.of(0.00005, -0.00005, 0.12345, 1.00005, -0.00001, 0.0, 2.5e-5, 0.99995));
        for (int i = 0; i < 300_000; i++) {
            values.add(random.nextInt(100_000) / (double) (1 + random.nextInt(100_000)));
            values.add(random.nextDouble() * 2 - 1);
            values.add((random.nextInt(2_000_000) - 1_000_000) / 1e5);
            values.add(random.nextInt(1000) * 0.00005 + random.nextInt(100));
        }
        for (double v : values) {
            Double expected = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
            assertThat(Derivations.round(v)).as("round(%s)", v).isEqualTo(expected);
        }
    }
}
