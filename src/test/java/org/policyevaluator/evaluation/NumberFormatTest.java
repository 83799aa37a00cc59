package org.policyevaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast number formats of reasons print exactly what the BigDecimal formats print. */
class NumberFormatTest {

    private static List<Double> values() {
        Random random = new Random(5);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.0005, -0.0005, 0.00049, 0.8235, 0.8245, 1.0, 0.7,
                14121.0, 1e7, -3.0, 0.12345, 99.99, 1e15, 2e15, 0.3333333333333333));
        for (int i = 0; i < 200_000; i++) {
            values.add(random.nextInt(10_001) / 10_000.0);
            values.add(random.nextDouble() * 2 - 1);
            values.add((double) (random.nextInt(2_000_000) - 1_000_000));
            values.add(random.nextInt(100_000) / (double) (1 + random.nextInt(100_000)));
        }
        return values;
    }

    @Test
    void fastPercentWhenItAnswersShouldEqualTheBigDecimalPercent() {
        int answered = 0;
        for (double v : values()) {
            String fast = ReasonRenderer.fastPercent(v);
            if (fast != null) {
                answered++;
                assertThat(fast).as("percent of %s", v).isEqualTo(ReasonRenderer.percent(new BigDecimal(Double.toString(v))));
            }
        }
        assertThat(answered).isGreaterThan(750_000); // the rest are ties, left to BigDecimal
    }

    @Test
    void fastPlainWhenItAnswersShouldEqualTheBigDecimalPlainText() {
        for (double v : values()) {
            String fast = ReasonRenderer.fastPlain(v);
            if (fast != null) {
                assertThat(fast).as("plain %s", v).isEqualTo(ReasonRenderer.plain(new BigDecimal(Double.toString(v))));
            } else {
                assertThat(v != Math.rint(v) || Math.abs(v) >= 1e15).as("declined %s", v).isTrue();
            }
        }
    }

    @Test
    void fastPercentWhenTheValueIsATieShouldLeaveItToBigDecimal() {
        assertThat(ReasonRenderer.fastPercent(0.0005)).isNull();
        assertThat(ReasonRenderer.percent(new BigDecimal("0.0005"))).isEqualTo("0.1%");
        assertThat(ReasonRenderer.fastPercent(0.8235)).isNull();
        assertThat(ReasonRenderer.fastPercent(0.823)).isEqualTo("82.3%");
        assertThat(ReasonRenderer.fastPercent(0.7)).isEqualTo("70%");
        assertThat(ReasonRenderer.fastPercent(-0.0004)).isEqualTo("0%");
    }
}
