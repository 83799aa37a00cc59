package org.policyevaluator.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;
import org.policyevaluator.model.PairMap;
import org.policyevaluator.rules.Band;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleInfo;

/**
 * Collects what the rules decide during one session (the DRL global {@code out}): points awarded,
 * gates failed, flags raised, each with the evidence the rule hands over as field/value pairs, kept
 * apart for each application's {@link Facts}. A batch evaluates several applications in one session
 * (a session's set-up costs as much as the rules themselves); every rule matches a single Facts, so
 * each firing belongs to the facts it matched. One instance per session; not shared between threads.
 */
public final class RuleOutcomes {

    /** One rule's outcome: for a score rule the band (or yes/no row) that gave the points. */
    public record Hit(RuleInfo rule, Band band, Map<String, Object> evidence) {
    }

    /** What the rules decided for one application. */
    static final class Decisions {
        private final String program;
        /** by rule ordinal: the rule's rows of tables/scoring.csv under the programme, best first. */
        private final List<Band>[] bands;
        private final List<Hit> awards = new ArrayList<>();
        private final List<Hit> failedGates = new ArrayList<>();
        private final List<Hit> flags = new ArrayList<>();

        private Decisions(String program, List<Band>[] bands) {
            this.program = program;
            this.bands = bands;
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
    }

    /** The name the rules give their Facts. */
    private static final String FACTS = "$f";
    private static final byte UNKNOWN = 0;
    private static final byte BOUND = 1;
    private static final byte UNBOUND = 2;

    private final RuleBase ruleBase;
    /**
     * By rule ordinal: whether the rule binds its Facts as {@link #FACTS}, learnt at its first firing. Shared by the
     * sessions of one evaluator: a race only learns the same answer twice.
     */
    private final byte[] bindings;
    /** The decisions of the one application tracked, while there is only one (then no firing need ask its match). */
    private Decisions only;
    private int tracked;

    /** {@code bindings}: one byte per rule, kept by the evaluator across sessions. */
    RuleOutcomes(RuleBase ruleBase, byte[] bindings) {
        this.ruleBase = ruleBase;
        this.bindings = bindings;
    }

    /**
     * Registers an application's facts before the session runs; its decisions fill as the rules fire.
     * {@code bands}: by rule ordinal, each rule's rows of tables/scoring.csv under the facts' programme.
     */
    Decisions track(Facts facts, List<Band>[] bands) {
        Decisions d = new Decisions(facts.getProgram(), bands);
        facts.decisions = d;
        only = ++tracked == 1 ? d : null;
        return d;
    }

    /**
     * A banded score rule measured this value: it gets the best band of its rows in tables/scoring.csv
     * that the value reaches under the programme, and nothing when it reaches none. (Looking the band up
     * here rather than with {@code from} in the rule keeps MVEL out of every evaluation.)
     */
    public void awardBand(RuleContext ctx, Number measured, Object... evidence) {
        RuleInfo rule = rule(ctx);
        Decisions d = decisions(ctx, rule);
        if (measured == null) {
            return;
        }
        double value = measured.doubleValue();
        for (Band band : d.bands[rule.ordinal()]) {
            if (band.banded() && band.admits(value)) {
                d.awards.add(new Hit(rule, band, evidence(evidence)));
                return;
            }
        }
    }

    /** A yes/no score rule fired: its points are the rule's row in tables/scoring.csv. */
    public void award(RuleContext ctx, Object... evidence) {
        RuleInfo rule = rule(ctx);
        Decisions d = decisions(ctx, rule);
        Band flat = null;
        for (Band band : d.bands[rule.ordinal()]) {
            if (!band.banded()) {
                flat = band;
                break;
            }
        }
        if (flat == null) {
            throw new IllegalStateException("rule " + rule.id() + " has no yes/no row for programme " + d.program
                    + " in tables/scoring.csv");
        }
        d.awards.add(new Hit(rule, flat, evidence(evidence)));
    }

    public void fail(RuleContext ctx, Object... evidence) {
        RuleInfo rule = rule(ctx);
        decisions(ctx, rule).failedGates.add(new Hit(rule, null, evidence(evidence)));
    }

    public void flag(RuleContext ctx, Object... evidence) {
        RuleInfo rule = rule(ctx);
        decisions(ctx, rule).flags.add(new Hit(rule, null, evidence(evidence)));
    }

    private Decisions decisions(RuleContext ctx, RuleInfo rule) {
        if (only != null) {
            return only; // the session holds a single Facts: every match is of it
        }
        // the rules bind their Facts as $f: asking for it by name copies nothing (the match's objects are
        // copied into a new list at every call); a rule that names it otherwise is looked up by its objects
        byte binding = bindings[rule.ordinal()];
        if (binding == UNKNOWN) {
            binding = ctx.getMatch().getDeclarationIds().contains(FACTS) ? BOUND : UNBOUND;
            bindings[rule.ordinal()] = binding;
        }
        if (binding == BOUND && ctx.getMatch().getDeclarationValue(FACTS) instanceof Facts f) {
            return f.decisions;
        }
        // every rule matches a single Facts (RuleBase refuses others), so the match holds exactly one
        Decisions found = null;
        for (Object fact : ctx.getMatch().getObjects()) {
            if (fact instanceof Facts f) {
                if (found != null) {
                    throw new IllegalStateException("rule " + ctx.getRule().getName() + " matched two applications");
                }
                found = f.decisions;
            }
        }
        if (found == null) {
            throw new IllegalStateException("rule " + ctx.getRule().getName() + " fired without matching a Facts");
        }
        return found;
    }

    private RuleInfo rule(RuleContext ctx) {
        return ruleBase.ruleOf(ctx.getRule());
    }

    private static Map<String, Object> evidence(Object[] pairs) {
        return new PairMap(pairs);
    }
}
