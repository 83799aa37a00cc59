package org.policyevaluator.evaluation;

import java.math.BigDecimal;

/** What ranking needs of an evaluated application: a full {@link Evaluation}, or a compact row of its scores. */
public interface Rankable {
    String applicationId();

    String program();

    boolean eligible();

    BigDecimal totalScore();

    BigDecimal dimensionScore(String dimension);
}
