package org.policyevaluator.rules;

import java.math.BigDecimal;

/**
 * One row of tables/scoring.csv: the points a rule gives, and for a banded rule the threshold that
 * earns them ({@code op} is "&gt;=" or "&lt;="; blank for a rule that scores yes or no); {@code ordinal}
 * is the row's place among the table's rows, from 0, by which the engine keeps each row's weighted points.
 */
public record Band(String ruleId, String program, String op, Double threshold, BigDecimal points, int ordinal) {

    public boolean banded() {
        return op != null;
    }

    public boolean admits(double value) {
        return switch (op) {
            case ">=" -> value >= threshold;
            case "<=" -> value <= threshold;
            default -> false;
        };
    }
}
