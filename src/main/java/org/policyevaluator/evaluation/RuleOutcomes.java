package org.policyevaluator.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;
import org.policyevaluator.rules.Band;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleInfo;

/**
 * Collects what the rules decide during one evaluation (the DRL global {@code out}): points awarded,
 * gates failed, flags raised, each with the evidence the rule hands over as field/value pairs.
 * One instance per evaluation; not shared between threads.
 */
public final class RuleOutcomes {

    /** One rule's outcome: for a score rule the band (or yes/no row) that gave the points. */
    public record Hit(RuleInfo rule, Band band, Map<String, Object> evidence) {
    }

    private final RuleBase ruleBase;
    private final String program;
    private final List<Hit> awards = new ArrayList<>();
    private final List<Hit> failedGates = new ArrayList<>();
    private final List<Hit> flags = new ArrayList<>();

    RuleOutcomes(RuleBase ruleBase, String program) {
        this.ruleBase = ruleBase;
        this.program = program;
    }

    /** A banded score rule reached this band. */
    public void awardBand(RuleContext ctx, Band band, Object... evidence) {
        awards.add(new Hit(rule(ctx), band, evidence(evidence)));
    }

    /** A yes/no score rule fired: its points are the rule's row in tables/scoring.csv. */
    public void award(RuleContext ctx, Object... evidence) {
        RuleInfo rule = rule(ctx);
        Band flat = ruleBase.tables().flat(rule.id(), program);
        if (flat == null) {
            throw new IllegalStateException("rule " + rule.id() + " has no yes/no row for programme " + program
                    + " in tables/scoring.csv");
        }
        awards.add(new Hit(rule, flat, evidence(evidence)));
    }

    public void fail(RuleContext ctx, Object... evidence) {
        failedGates.add(new Hit(rule(ctx), null, evidence(evidence)));
    }

    public void flag(RuleContext ctx, Object... evidence) {
        flags.add(new Hit(rule(ctx), null, evidence(evidence)));
    }

    List<Hit> awards() {
        return Collections.unmodifiableList(awards);
    }

    List<Hit> failedGates() {
        return Collections.unmodifiableList(failedGates);
    }

    List<Hit> flags() {
        return Collections.unmodifiableList(flags);
    }

    private RuleInfo rule(RuleContext ctx) {
        String name = ctx.getRule().getName();
        return ruleBase.rule(name.substring(0, name.indexOf(' ')));
    }

    private static Map<String, Object> evidence(Object[] pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(String.valueOf(pairs[i]), pairs[i + 1]);
        }
        return m;
    }
}
