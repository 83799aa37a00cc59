package org.policyevaluator.rules;

import java.util.List;
import java.util.Map;

/**
 * What the catalogue knows of one rule, read from its DRL name and metadata: the stable id (the
 * first word of the rule name), its kind (score, gate or flag), the dimension a score rule belongs to,
 * the clause ids it encodes (with, where the rule gives one, the exact phrase of the clause it rests
 * on), a flag's severity, the group of rules of which at most one can fire, and for a gate that only
 * some programmes have, the programme parameter that switches it on; for a banded score rule, the
 * derived fact its bands measure (a property of the evaluation profile); its basis ({@code @basis}): the
 * policy's text, or the programme's own design where no sentence of the policy says it; and its place in
 * the catalogue's id order ({@code ordinal}, from 0), by which the engine keeps per-rule figures in arrays.
 */
public record RuleInfo(String id, String name, String kind, String dimension, List<String> clauses,
                       Map<String, String> quotes, String severity, String exclusiveGroup, String requiresParameter,
                       String measure, String file, String basis, int ordinal) {

    /** The basis of a rule that rests on a sentence of the policy. */
    public static final String POLICY = "policy";
    /** The basis of a rule that is the programme's design (a plausibility limit, say), resting on no sentence. */
    public static final String PROGRAMME = "programme";

    public static final String SCORE = "score";
    public static final String GATE = "gate";
    public static final String FLAG = "flag";

    public boolean isScore() {
        return SCORE.equals(kind);
    }

    public boolean isGate() {
        return GATE.equals(kind);
    }

    public boolean isFlag() {
        return FLAG.equals(kind);
    }
}
