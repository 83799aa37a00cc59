package org.policyevaluator.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.JsonIntake;
import tools.jackson.databind.node.ObjectNode;

/** The panel's arithmetic on the samples' engine results: mean, spread, normalisation, final score and rank, the line. */
class PanelTest {
    static final String[] DIMS = {"domesticCompute", "keyTechnology", "greenTransformation", "aiApplication",
            "innovationEcosystem"};
    static Evaluation sf;
    static Evaluation gt;
    static Evaluation chip;

    static Evaluation engine(String sample) throws Exception {
        ObjectNode json = (ObjectNode) JsonIntake.mapper().readTree(
                Files.readString(Path.of("samples", sample), StandardCharsets.UTF_8));
        return TestSupport.EVALUATOR.evaluate(TestSupport.bind(json), "general", "en");
    }

    @BeforeAll
    static void engines() throws Exception {
        sf = engine("smart-factory-domestic-compute.json"); // 80.5, 2400 requested
        gt = engine("green-textile-factory.json");          // 46.5, 400
        chip = engine("ai-chip-little-giant.json");        // 57, 5000
    }

    static Panel.Review review(String who, double... scores) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            m.put(DIMS[i], BigDecimal.valueOf(scores[i]));
        }
        return new Panel.Review(who, m, null, "FUND", "2026-12-01T00:00:00Z");
    }

    static Panel.Input input(Evaluation e, String requested, Panel.Consensus c, Panel.Review... reviews) {
        return new Panel.Input(e.applicationId() + "-id", e, new BigDecimal(requested), List.of(reviews), c);
    }

    static Map<String, Panel.Row> byId(List<Panel.Row> rows) {
        Map<String, Panel.Row> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.applicationId(), r));
        return m;
    }

    @Test
    void viewShouldTakeTheMeanOnceTwoReviewsAreInAndMarkASpreadAboveFifteenAsDivergent() {
        List<Panel.Row> rows = Panel.view(List.of(
                input(sf, "2400", null, review("a", 25, 17, 12, 20, 6.5), review("b", 24, 16, 12, 19, 6)),
                input(gt, "400", null, review("a", 2, 18, 12, 10, 4.5), review("b", 2, 10, 8, 4, 2)),
                input(chip, "5000", null, review("a", 20, 29, 0, 4, 9))), TestSupport.RULES.tables());
        Map<String, Panel.Row> r = byId(rows);
        assertThat(r.get("SF-2026-001").mean()).isEqualByComparingTo("78.75");
        assertThat(r.get("SF-2026-001").spread()).isEqualByComparingTo("3.5");
        assertThat(r.get("SF-2026-001").divergent()).isFalse();
        assertThat(r.get("SF-2026-001").finalFrom()).isEqualTo("reviews");
        assertThat(r.get("SF-2026-001").finalScore()).isEqualByComparingTo("78.75");
        assertThat(r.get("GT-2026-013").spread()).isEqualByComparingTo("20.5");
        assertThat(r.get("GT-2026-013").divergent()).isTrue();
        // one review is not yet two: the engine's score stands
        assertThat(r.get("CHIP-2026-007").finalFrom()).isEqualTo("engine");
        assertThat(r.get("CHIP-2026-007").finalScore()).isEqualByComparingTo("57");
        assertThat(r.get("CHIP-2026-007").spread()).isNull();
        assertThat(rows).extracting(Panel.Row::applicationId).containsExactly("SF-2026-001", "CHIP-2026-007", "GT-2026-013");
        assertThat(rows).extracting(Panel.Row::rank).containsExactly(1, 2, 3);
    }

    @Test
    void viewWhenASpreadIsExactlyTheThresholdShouldNotMarkItDivergentAndAboveItShould() {
        Map<String, Panel.Row> at = byId(Panel.view(List.of(input(gt, "400", null, review("a", 2, 18, 12, 10, 4.5),
                review("b", 2, 18, 11, 0, 0.5))), TestSupport.RULES.tables())); // 46.5 and 31.5
        assertThat(at.get("GT-2026-013").spread()).isEqualByComparingTo("15");
        assertThat(at.get("GT-2026-013").divergent()).isFalse();
        Map<String, Panel.Row> over = byId(Panel.view(List.of(input(gt, "400", null, review("a", 2, 18, 12, 10, 4.5),
                review("b", 2, 18, 11, 0, 0))), TestSupport.RULES.tables())); // 46.5 and 31
        assertThat(over.get("GT-2026-013").spread()).isEqualByComparingTo("15.5");
        assertThat(over.get("GT-2026-013").divergent()).isTrue();
    }

    @Test
    void normalisedMeanShouldBringAHarshReviewerToThePanelsScale() {
        // b scores every application 20 points below a: normalised, both agree on each application
        List<Panel.Row> rows = Panel.view(List.of(
                input(sf, "2400", null, review("a", 25, 20, 15, 20, 10), review("b", 15, 15, 10, 15, 5)),
                input(gt, "400", null, review("a", 10, 10, 10, 10, 10), review("b", 5, 5, 5, 5, 0))),
                TestSupport.RULES.tables());
        Map<String, Panel.Row> r = byId(rows);
        // a: 90 and 50 (mean 70, sd 20); b: 60 and 20 (mean 40, sd 20); the panel: mean 55, sd 25
        assertThat(r.get("SF-2026-001").mean()).isEqualByComparingTo("75");
        assertThat(r.get("SF-2026-001").reviews()).extracting(Panel.ReviewerScore::normalised)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("80"), new BigDecimal("80"));
        assertThat(r.get("SF-2026-001").normalisedMean()).isEqualByComparingTo("80");
        assertThat(r.get("GT-2026-013").normalisedMean()).isEqualByComparingTo("30");
    }

    @Test
    void consensusShouldBeTheFinalScoreWhateverTheReviews() {
        Map<String, BigDecimal> dims = new LinkedHashMap<>();
        for (String d : DIMS) {
            dims.put(d, BigDecimal.ONE);
        }
        Map<String, Panel.Row> r = byId(Panel.view(List.of(input(sf, "2400", new Panel.Consensus("chair", dims,
                "agreed", "2026-12-01T00:00:00Z"), review("a", 25, 17, 12, 20, 6.5), review("b", 24, 16, 12, 19, 6))),
                TestSupport.RULES.tables()));
        assertThat(r.get("SF-2026-001").finalFrom()).isEqualTo("consensus");
        assertThat(r.get("SF-2026-001").finalScore()).isEqualByComparingTo("5");
        assertThat(r.get("SF-2026-001").mean()).isEqualByComparingTo("78.75");
        assertThat(r.get("SF-2026-001").engineScore()).isEqualByComparingTo("80.5");
    }

    @Test
    void fundingLineShouldStopAtTheFirstRequestThatDoesNotFitAndSayWhoCrossesIt() {
        List<Panel.Row> rows = Panel.view(List.of(
                input(sf, "2400", null, review("a", 25, 17, 12, 20, 6.5), review("b", 24, 16, 12, 19, 6)),
                input(chip, "5000", null, review("a", 5, 5, 0, 0, 0), review("b", 5, 5, 0, 0, 0)),
                input(gt, "400", null, review("a", 2, 18, 12, 10, 4.5), review("b", 2, 18, 12, 10, 4.5))),
                TestSupport.RULES.tables());
        // the panel: SF 78.75, GT 46.5, CHIP 10; the engine: SF 80.5, CHIP 57, GT 46.5
        FundingLine.Line line = FundingLine.draw(rows, new BigDecimal("2800"));
        assertThat(line.funded()).extracting(Panel.Row::applicationId).containsExactly("SF-2026-001", "GT-2026-013");
        assertThat(line.reserve()).extracting(Panel.Row::applicationId).containsExactly("CHIP-2026-007");
        assertThat(line.used()).isEqualByComparingTo("2800");
        assertThat(line.left()).isEqualByComparingTo("0");
        // the engine alone: SF (2400), then CHIP (5000) does not fit: the line stops there, GT is reserve too
        assertThat(line.fundedOnlyByThePanel()).containsExactly("GT-2026-013");
        assertThat(line.fundedOnlyByTheEngine()).isEmpty();
        // one 万元 less: GT no longer fits, and the line stops before it
        FundingLine.Line tighter = FundingLine.draw(rows, new BigDecimal("2799"));
        assertThat(tighter.funded()).extracting(Panel.Row::applicationId).containsExactly("SF-2026-001");
        assertThat(tighter.reserve()).extracting(Panel.Row::applicationId).containsExactly("GT-2026-013", "CHIP-2026-007");
        List<Panel.Row> none = new ArrayList<>(rows);
        assertThat(FundingLine.draw(none, new BigDecimal("100")).funded()).isEmpty();
    }
}
