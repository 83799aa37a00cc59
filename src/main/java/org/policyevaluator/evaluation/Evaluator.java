package org.policyevaluator.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.StatelessKieSession;
import org.policyevaluator.evidence.Evidence;
import org.policyevaluator.model.Application;
import org.policyevaluator.rules.Band;
import org.policyevaluator.rules.Clause;
import org.policyevaluator.rules.PolicyTables;
import org.policyevaluator.rules.Programme;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleInfo;

/**
 * Evaluates applications against one rule base: derives the facts that need code, runs the rules in a
 * stateless session, and turns what fired into a language-neutral {@link Outcome}, which its
 * {@link EvaluationRenderer} words as an {@link Evaluation}. Thread-safe.
 *
 * <p>Points in tables/scoring.csv are the points of the dimension at its base size (the sum of its
 * rules' maxima); a programme's weight for the dimension scales them, so that a policy officer changes
 * a dimension's weight in one cell.
 */
public final class Evaluator {
    /** How many applications a batch evaluates in one rule session (measured: 16 to 64 are alike). */
    public static final int CHUNK = 32;

    private final RuleBase ruleBase;
    private final Derivations derivations;
    private final WhyNotExplainer whyNot;
    private final SuggestionFinder suggestions;
    private final EvaluationRenderer renderer;
    /** programme -> dimension -> factor applied to table points. */
    private final Map<String, Map<String, BigDecimal>> scales = new HashMap<>();
    /** programme -> table row -> its points there after weighting (rows are the tables' own instances). */
    private final Map<String, Map<Band, BigDecimal>> scaledBands = new HashMap<>();
    /** programme -> rule -> the most the rule can give there, after weighting. */
    private final Map<String, Map<String, BigDecimal>> maxima = new HashMap<>();
    /** programme -> its dimensions as an evaluation lists them: in tables/dimensions.csv order, with weights. */
    private final Map<String, List<DimensionColumn>> dimensionColumns = new HashMap<>();
    /** programme -> its maximum score. */
    private final Map<String, BigDecimal> maxScores = new HashMap<>();
    /** programme -> the gates checked there, in id order. */
    private final Map<String, List<RuleInfo>> gatesByProgram = new HashMap<>();
    /** rule -> the clauses it cites, with quotes. */
    private final Map<String, List<Evaluation.ClauseRef>> clauseRefs = new HashMap<>();
    /** score rule -> its place among the findings: by dimension as tables/dimensions.csv lists them, then by id. */
    private final Map<String, Integer> findingOrder = new HashMap<>();

    public Evaluator(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
        this.derivations = new Derivations(ruleBase.tables());
        for (Programme p : ruleBase.tables().programmes().values()) {
            Map<String, BigDecimal> byDimension = new HashMap<>();
            for (var w : p.weights().entrySet()) {
                BigDecimal base = baseMaximum(p.id(), w.getKey());
                byDimension.put(w.getKey(), base.signum() == 0 ? BigDecimal.ZERO
                        : w.getValue().divide(base, 10, RoundingMode.HALF_UP));
            }
            scales.put(p.id(), byDimension);
            Map<String, BigDecimal> ruleMax = new HashMap<>();
            Map<Band, BigDecimal> scaled = new IdentityHashMap<>();
            for (RuleInfo r : ruleBase.catalogue().values()) {
                if (r.isScore()) {
                    ruleMax.put(r.id(), scale(ruleBase.tables().maxPoints(r.id(), p.id()), p.id(), r.dimension()));
                    ruleBase.tables().bands(r.id(), p.id()).forEach(b -> scaled.put(b, scale(b.points(), p.id(), r.dimension())));
                }
            }
            maxima.put(p.id(), ruleMax);
            scaledBands.put(p.id(), scaled);
            List<DimensionColumn> columns = new ArrayList<>();
            for (String d : ruleBase.tables().dimensions().keySet()) {
                if (p.weights().containsKey(d)) {
                    columns.add(new DimensionColumn(d, tidy(p.weights().get(d))));
                }
            }
            dimensionColumns.put(p.id(), List.copyOf(columns));
            maxScores.put(p.id(), tidy(p.maxScore()));
            gatesByProgram.put(p.id(), ruleBase.catalogue().values().stream()
                    .filter(r -> r.isGate() && appliesTo(r, p.id())).toList());
        }
        for (RuleInfo r : ruleBase.catalogue().values()) {
            List<Evaluation.ClauseRef> refs = new ArrayList<>();
            for (String id : r.clauses()) {
                Clause c = ruleBase.tables().clauses().get(id);
                refs.add(new Evaluation.ClauseRef(c.id(), r.quotes().getOrDefault(id, c.quote()), c.line()));
            }
            clauseRefs.put(r.id(), List.copyOf(refs));
        }
        List<String> dimensionOrder = List.copyOf(ruleBase.tables().dimensions().keySet());
        ruleBase.catalogue().values().stream().filter(RuleInfo::isScore)
                .sorted(Comparator.comparing((RuleInfo r) -> dimensionOrder.indexOf(r.dimension())).thenComparing(RuleInfo::id))
                .forEach(r -> findingOrder.put(r.id(), findingOrder.size()));
        this.whyNot = new WhyNotExplainer(ruleBase, this);
        this.renderer = new EvaluationRenderer(this, whyNot);
        this.suggestions = new SuggestionFinder(this);
    }

    public RuleBase ruleBase() {
        return ruleBase;
    }

    /** Words outcomes as evaluations, in Chinese or English. */
    public EvaluationRenderer renderer() {
        return renderer;
    }

    /**
     * The most a dimension's rules can give together under a programme, in table points: the sum of
     * each rule's best band, counting only the best rule of a group of which at most one can fire.
     */
    public BigDecimal baseMaximum(String program, String dimension) {
        Map<String, BigDecimal> byGroup = new LinkedHashMap<>();
        for (RuleInfo r : ruleBase.catalogue().values()) {
            if (r.isScore() && dimension.equals(r.dimension())) {
                String group = r.exclusiveGroup() != null ? r.exclusiveGroup() : r.id();
                byGroup.merge(group, ruleBase.tables().maxPoints(r.id(), program), BigDecimal::max);
            }
        }
        return byGroup.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The points a rule can give at most under a programme, after the programme's weighting. */
    public BigDecimal maxPoints(String ruleId, String program) {
        return maxima.get(program).get(ruleId);
    }

    /** The programme an application is evaluated under: the one asked for, else its own, else the default. */
    public String programFor(Application app, String requested) {
        if (requested != null) {
            return requested;
        }
        return app.program() != null ? app.program() : defaultProgramme();
    }

    /** The programme of an application that names none, as tables/programs.csv marks it. */
    public String defaultProgramme() {
        return ruleBase.tables().defaultProgramme();
    }

    /** One application's outcome, under {@link #programFor} the programme asked for. */
    public Outcome decide(Application app, String program) {
        return decideAll(List.of(app), program).get(0);
    }

    /**
     * Several applications' outcomes from one rule session, each under {@link #programFor} the programme
     * asked for; the same as deciding them one by one, and cheaper (a batch goes in chunks of {@link #CHUNK}).
     */
    public List<Outcome> decideAll(List<Application> apps, String program) {
        List<Programme> programmes = new ArrayList<>(apps.size());
        for (Application app : apps) {
            String id = programFor(app, program);
            Programme programme = ruleBase.tables().programme(id);
            if (programme == null) {
                throw new IllegalArgumentException("unknown programme '" + id + "'");
            }
            programmes.add(programme);
        }
        List<Outcome> declared = run(apps, programmes);
        // the claims that lack the evidence their programme asks for: the application as it stands is evaluated too
        List<Evidence.Standing> standings = new ArrayList<>(apps.size());
        List<Application> standingApps = new ArrayList<>();
        List<Programme> standingProgrammes = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            Evidence.Standing s = ruleBase.evidence().standing(apps.get(i), programmes.get(i));
            standings.add(s);
            if (!s.complete()) {
                standingApps.add(s.application());
                standingProgrammes.add(programmes.get(i));
            }
        }
        List<Outcome> standingOutcomes = standingApps.isEmpty() ? List.of() : run(standingApps, standingProgrammes);
        List<Outcome> out = new ArrayList<>(apps.size());
        int next = 0;
        for (int i = 0; i < apps.size(); i++) {
            Evidence.Standing s = standings.get(i);
            Outcome standing = s.complete() ? declared.get(i) : standingOutcomes.get(next++);
            out.add(stand(declared.get(i), standing, s.withheld(), programmes.get(i)));
        }
        return out;
    }

    /** The rules run over applications in one session: the outcomes as declared, nothing withheld yet. */
    private List<Outcome> run(List<Application> apps, List<Programme> programmes) {
        List<Facts> facts = new ArrayList<>(apps.size());
        List<RuleOutcomes.Decisions> decisions = new ArrayList<>(apps.size());
        RuleOutcomes outcomes = new RuleOutcomes(ruleBase);
        for (int i = 0; i < apps.size(); i++) {
            Application app = apps.get(i);
            Programme programme = programmes.get(i);
            Facts f = new Facts(app, programme.id(), ruleBase.schema(), ruleBase.tables(), derivations.derive(app, programme));
            facts.add(f);
            decisions.add(outcomes.track(f));
        }
        StatelessKieSession session = ruleBase.newSession();
        session.setGlobal("out", outcomes);
        session.execute(facts);
        List<Outcome> out = new ArrayList<>(apps.size());
        for (int i = 0; i < apps.size(); i++) {
            out.add(outcome(apps.get(i), programmes.get(i), facts.get(i), decisions.get(i)));
        }
        return out;
    }

    /**
     * What stands: the evaluation of the application as its evidence lets it stand, less the points of the
     * rules that a hold flag raised on the declared application doubts, not eligible while a block flag
     * stands; each point left out is pending, with the claims and flags it waits on. Flags are those of the
     * application as declared: they are about what it claims.
     */
    private Outcome stand(Outcome declared, Outcome standing, List<Evidence.Withheld> withheld, Programme programme) {
        Map<String, List<String>> heldBy = new LinkedHashMap<>();
        List<String> reviewFlags = new ArrayList<>();
        boolean blocked = false;
        for (Outcome.Flag f : declared.flags()) {
            PolicyTables.FlagConsequence c = ruleBase.tables().flagConsequence(f.ruleId());
            if (c == null || !c.needsReview()) {
                continue;
            }
            reviewFlags.add(f.ruleId());
            blocked |= c.consequence().equals("block");
            for (String rule : c.holds()) {
                heldBy.computeIfAbsent(rule, k -> new ArrayList<>()).add(f.ruleId());
            }
        }
        Outcome.Review review = reviewFlags.isEmpty() ? Outcome.Review.NONE
                : new Outcome.Review(true, List.copyOf(reviewFlags), blocked);
        if (withheld.isEmpty() && heldBy.isEmpty()) {
            return new Outcome(declared.applicationId(), declared.title(), declared.applicant(), declared.program(),
                    declared.rulesetVersion(), declared.totalScore(), declared.maxScore(), declared.grade(),
                    declared.eligible() && !blocked, declared.totalScore(), review, declared.dimensions(), declared.findings(),
                    List.of(), declared.gates(), declared.flags(), declared.whyNot(), null);
        }
        Map<String, BigDecimal> standingPoints = new HashMap<>();
        standing.findings().forEach(a -> standingPoints.put(a.ruleId(), a.points()));
        List<Outcome.Pending> pending = new ArrayList<>();
        List<Outcome.Award> findings = new ArrayList<>();
        Map<String, BigDecimal> heldByDimension = new HashMap<>();
        for (Outcome.Award a : standing.findings()) {
            if (heldBy.containsKey(a.ruleId())) {
                heldByDimension.merge(ruleBase.catalogue().get(a.ruleId()).dimension(), a.points(), BigDecimal::add);
            } else {
                findings.add(a);
            }
        }
        java.util.Set<String> declaredRules = new java.util.HashSet<>();
        declared.findings().forEach(a -> declaredRules.add(a.ruleId()));
        for (Outcome.Award a : declared.findings()) {
            List<String> flags = heldBy.getOrDefault(a.ruleId(), List.of());
            BigDecimal stands = flags.isEmpty() ? standingPoints.getOrDefault(a.ruleId(), BigDecimal.ZERO) : BigDecimal.ZERO;
            // of a group of which one rule counts, what another rule of the group gives instead already stands
            String group = ruleBase.catalogue().get(a.ruleId()).exclusiveGroup();
            if (group != null) {
                for (Outcome.Award other : findings) {
                    if (!declaredRules.contains(other.ruleId())
                            && group.equals(ruleBase.catalogue().get(other.ruleId()).exclusiveGroup())) {
                        stands = stands.add(other.points());
                    }
                }
            }
            BigDecimal left = a.points().subtract(stands);
            if (left.signum() <= 0) {
                continue;
            }
            List<Evidence.Withheld> claims = new ArrayList<>();
            if (standingPoints.getOrDefault(a.ruleId(), BigDecimal.ZERO).compareTo(a.points()) < 0) {
                for (Evidence.Withheld w : withheld) {
                    if (a.evidence().containsKey(w.field())) {
                        claims.add(w);
                    }
                }
                if (claims.isEmpty()) {
                    claims.addAll(withheld); // a rule that reads the claim through a derived fact
                }
            }
            pending.add(new Outcome.Pending(a.ruleId(), tidy(left), List.copyOf(claims), List.copyOf(flags)));
        }
        List<Outcome.Dimension> dimensions = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Outcome.Dimension d : standing.dimensions()) {
            BigDecimal score = tidy(d.score().subtract(heldByDimension.getOrDefault(d.id(), BigDecimal.ZERO)));
            total = total.add(score);
            dimensions.add(new Outcome.Dimension(d.id(), score, d.maxScore()));
        }
        total = tidy(total);
        java.util.Set<String> pendingRules = new java.util.HashSet<>();
        pending.forEach(p -> pendingRules.add(p.ruleId()));
        List<Outcome.Shortfall> whyNot = standing.whyNot().stream().filter(w -> !pendingRules.contains(w.ruleId())).toList();
        return new Outcome(declared.applicationId(), declared.title(), declared.applicant(), declared.program(),
                declared.rulesetVersion(), total, declared.maxScore(), programme.grade(total), standing.eligible() && !blocked,
                declared.totalScore(), review, dimensions, findings, List.copyOf(pending), standing.gates(), declared.flags(),
                whyNot, null);
    }

    /** A self-assessment's outcome: with suggestions, each verified by evaluating the changed application. */
    public Outcome assess(Application app, String program) {
        Outcome o = decide(app, program);
        return o.withSuggestions(suggestions.suggest(app, o));
    }

    /** One application evaluated and worded (what a single request or a test wants). */
    public Evaluation evaluate(Application app, String program, String lang) {
        return renderer.render(decide(app, program), lang);
    }

    /** Several applications evaluated in one session and worded. */
    public List<Evaluation> evaluateAll(List<Application> apps, String program, String lang) {
        return decideAll(apps, program).stream().map(o -> renderer.render(o, lang)).toList();
    }

    /** A self-assessment worded: with verified suggestions. */
    public Evaluation assess(Application app, String program, String lang) {
        return renderer.render(assess(app, program), lang);
    }

    private Outcome outcome(Application app, Programme programme, Facts facts, RuleOutcomes.Decisions decisions) {
        String program = programme.id();
        List<Outcome.Award> findings = new ArrayList<>();
        Map<String, BigDecimal> dimensionScores = new LinkedHashMap<>();
        Map<String, BigDecimal> pointsByRule = new HashMap<>();
        programme.weights().keySet().forEach(d -> dimensionScores.put(d, BigDecimal.ZERO));
        Map<Band, BigDecimal> scaled = scaledBands.get(program);
        Map<String, BigDecimal> ruleMaxima = maxima.get(program);
        List<RuleOutcomes.Hit> awards = decisions.awards();
        int[] order = new int[awards.size()];
        for (int i = 0; i < order.length; i++) {
            RuleOutcomes.Hit hit = awards.get(i);
            RuleInfo rule = hit.rule();
            BigDecimal points = scaled.get(hit.band());
            Outcome.Award award = new Outcome.Award(rule.id(), points, ruleMaxima.get(rule.id()), hit.band().threshold(),
                    hit.evidence());
            // findings in dimension then id order: an insertion sort by each rule's place (a handful of findings)
            int place = findingOrder.get(rule.id());
            int at = i;
            while (at > 0 && order[at - 1] > place) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = place;
            findings.add(at, award);
            dimensionScores.merge(rule.dimension(), points, BigDecimal::add);
            pointsByRule.put(rule.id(), points);
        }

        List<Outcome.Dimension> dimensions = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (DimensionColumn d : dimensionColumns.get(program)) {
            BigDecimal score = dimensionScores.get(d.id());
            total = total.add(score);
            dimensions.add(new Outcome.Dimension(d.id(), tidy(score), d.weight()));
        }

        Map<String, RuleOutcomes.Hit> failed = new HashMap<>();
        decisions.failedGates().forEach(h -> failed.put(h.rule().id(), h));
        List<Outcome.Gate> gates = new ArrayList<>();
        for (RuleInfo rule : gatesByProgram.get(program)) {
            RuleOutcomes.Hit hit = failed.get(rule.id());
            gates.add(new Outcome.Gate(rule.id(), hit == null, hit == null ? Map.of() : hit.evidence()));
        }

        List<Outcome.Flag> flags = new ArrayList<>();
        for (RuleOutcomes.Hit hit : decisions.flags()) {
            PolicyTables.FlagConsequence c = ruleBase.tables().flagConsequence(hit.rule().id());
            flags.add(new Outcome.Flag(hit.rule().id(), hit.rule().severity(), c == null ? "check" : c.consequence(),
                    hit.evidence()));
        }
        if (flags.size() > 1) {
            flags.sort(Comparator.comparing(Outcome.Flag::ruleId));
        }

        total = tidy(total);
        return new Outcome(app.applicationId(), app.title(), app.applicantName(), program, ruleBase.version(), total,
                maxScores.get(program), programme.grade(total), failed.isEmpty(), total, Outcome.Review.NONE, dimensions,
                findings, List.of(), gates, flags, whyNot.explain(facts, pointsByRule), null);
    }

    /** A dimension of a programme: its id and its weight. */
    private record DimensionColumn(String id, BigDecimal weight) {
    }

    /** A gate that depends on a programme parameter is only checked, and only listed, where the programme sets it. */
    public boolean appliesTo(RuleInfo rule, String program) {
        return rule.requiresParameter() == null || ruleBase.tables().has(program, rule.requiresParameter());
    }

    /** The clauses a rule cites, each with the rule's own phrase where it gives one, else the clause's quote. */
    public List<Evaluation.ClauseRef> clauses(RuleInfo rule) {
        return clauseRefs.get(rule.id());
    }

    /** The clauses of a rule by its id. */
    public List<Evaluation.ClauseRef> clauses(String ruleId) {
        return clauseRefs.get(ruleId);
    }

    /** Table points as the programme gives them, after its weight for the dimension. */
    BigDecimal scale(BigDecimal tablePoints, String program, String dimension) {
        BigDecimal factor = scales.get(program).getOrDefault(dimension, BigDecimal.ZERO);
        if (factor.compareTo(BigDecimal.ONE) == 0) {
            return tidy(tablePoints);
        }
        return tidy(tablePoints.multiply(factor).setScale(2, RoundingMode.HALF_UP));
    }

    /** Two decimals at most, without trailing zeros, so that equal scores print identically. */
    public static BigDecimal tidy(BigDecimal v) {
        BigDecimal r = v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
