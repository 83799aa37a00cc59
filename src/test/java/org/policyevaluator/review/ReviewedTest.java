package org.policyevaluator.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyevaluator.store.EvaluationStore.Override;

class ReviewedTest {

    static Override override(String kind, String target, String engine, String value) {
        return new Override("o-" + target + value, "e-1", "rev", kind, target, "GR-010", engine, value, "because, in detail",
                "2026-01-01T00:00:00Z");
    }

    @Test
    void ofWhenThereIsNoOverrideShouldBeNull() {
        assertThat(Reviewed.of(new BigDecimal("41"), true, List.of())).isNull();
    }

    @Test
    void ofShouldReplaceADimensionsScoreByTheLatestOverrideOfThatDimension() {
        var overrides = List.of(override("DIMENSION", "greenTransformation", "12", "10"),
                override("DIMENSION", "keyTechnology", "13", "15"),
                override("DIMENSION", "greenTransformation", "12", "7.5"));
        // 41 - 12 + 7.5 (the later green override wins) - 13 + 15
        assertThat(Reviewed.of(new BigDecimal("41"), true, overrides))
                .isEqualTo(new Reviewed(new BigDecimal("38.5"), true));
    }

    @Test
    void ofShouldTakeTheLatestEligibilityOverrideAndLeaveTheTotal() {
        var overrides = List.of(override("ELIGIBILITY", "eligible", "true", "false"),
                override("ELIGIBILITY", "eligible", "true", "true"), override("ELIGIBILITY", "eligible", "true", "false"));
        assertThat(Reviewed.of(new BigDecimal("41"), true, overrides)).isEqualTo(new Reviewed(new BigDecimal("41"), false));
    }
}
