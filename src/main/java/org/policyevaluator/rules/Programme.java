package org.policyevaluator.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A funding programme as data (tables/programs.csv): dimension weights that sum to the maximum score,
 * grade thresholds (highest first), numeric parameters the rules read, the declarations and sectors it
 * requires (none: any), and the dimension order that breaks ties in a ranking.
 */
public record Programme(String id, String nameZh, String nameEn, Map<String, BigDecimal> weights,
                        Map<String, BigDecimal> grades, Map<String, Double> parameters, List<String> requiredFields,
                        List<String> requiredSectors, List<String> tieBreak) {

    public BigDecimal maxScore() {
        return weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String grade(BigDecimal total) {
        for (var g : grades.entrySet()) {
            if (total.compareTo(g.getValue()) >= 0) {
                return g.getKey();
            }
        }
        throw new IllegalStateException("programme " + id + " has no grade with threshold 0");
    }

    public String name(String lang) {
        return "en".equals(lang) ? nameEn : nameZh;
    }
}
