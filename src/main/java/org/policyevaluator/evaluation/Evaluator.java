package org.policyevaluator.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    private final Facts.Places factPlaces;
    private final WhyNotExplainer whyNot;
    private final SuggestionFinder suggestions;
    private final EvaluationRenderer renderer;
    /** programme -> dimension -> factor applied to table points. */
    private final Map<String, Map<String, BigDecimal>> scales = new HashMap<>();
    /** programme -> what the engine reads of it for every application. */
    private final Map<String, Sheet> sheets = new HashMap<>();
    /** rule -> the clauses it cites, with quotes. */
    private final Map<String, List<Evaluation.ClauseRef>> clauseRefs = new HashMap<>();
    /** by rule ordinal: a score rule's place among the findings (by dimension as tables/dimensions.csv lists them, then id). */
    private final int[] findingOrder;
    /** every rule by ordinal. */
    private final RuleInfo[] rules;
    /** by rule ordinal: how the collector finds the facts a firing rule matched ({@link RuleOutcomes}). */
    private final byte[] factsBindings;

    /**
     * What the engine reads of one programme for every application, kept in arrays by rule and table-row
     * ordinal (a batch looks these up some forty times an application: arrays, not maps).
     */
    private static final class Sheet {
        final Programme programme;
        /** by rule ordinal: the most a score rule can give after weighting; null for other rules. */
        final BigDecimal[] ruleMax;
        /** by row ordinal of tables/scoring.csv: the row's points after the programme's weighting. */
        final BigDecimal[] bandPoints;
        /** by rule ordinal: the place of the rule's dimension among {@link #columns}, -1 when it has none there. */
        final int[] column;
        /** the dimensions as an evaluation lists them: in tables/dimensions.csv order, with weights. */
        final List<DimensionColumn> columns;
        final BigDecimal maxScore;
        /** the gates checked there, in id order. */
        final List<RuleInfo> gates;
        /** by rule ordinal: the rule's rows of tables/scoring.csv there, best first (where its points are looked up). */
        final List<Band>[] bands;

        Sheet(Programme programme, int rules, int bands, List<DimensionColumn> columns, BigDecimal maxScore,
              List<RuleInfo> gates) {
            this.programme = programme;
            this.ruleMax = new BigDecimal[rules];
            this.bandPoints = new BigDecimal[bands];
            this.column = new int[rules];
            @SuppressWarnings("unchecked")
            List<Band>[] none = new List[rules];
            this.bands = none;
            this.columns = columns;
            this.maxScore = maxScore;
            this.gates = gates;
        }
    }

    public Evaluator(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
        this.derivations = new Derivations(ruleBase.tables());
        this.factPlaces = Facts.Places.of(ruleBase.schema());
        this.rules = new RuleInfo[ruleBase.catalogue().size()];
        this.factsBindings = new byte[rules.length];
        ruleBase.catalogue().values().forEach(r -> rules[r.ordinal()] = r);
        for (Programme p : ruleBase.tables().programmes().values()) {
            Map<String, BigDecimal> byDimension = new HashMap<>();
            for (var w : p.weights().entrySet()) {
                BigDecimal base = baseMaximum(p.id(), w.getKey());
                byDimension.put(w.getKey(), base.signum() == 0 ? BigDecimal.ZERO
                        : w.getValue().divide(base, 10, RoundingMode.HALF_UP));
            }
            scales.put(p.id(), byDimension);
            List<DimensionColumn> columns = new ArrayList<>();
            for (String d : ruleBase.tables().dimensions().keySet()) {
                if (p.weights().containsKey(d)) {
                    columns.add(new DimensionColumn(d, tidy(p.weights().get(d))));
                }
            }
            Sheet sheet = new Sheet(p, rules.length, ruleBase.tables().bandCount(), List.copyOf(columns), tidy(p.maxScore()),
                    ruleBase.catalogue().values().stream().filter(r -> r.isGate() && appliesTo(r, p.id())).toList());
            for (RuleInfo r : rules) {
                sheet.column[r.ordinal()] = -1;
                sheet.bands[r.ordinal()] = ruleBase.tables().bands(r.id(), p.id());
                for (int c = 0; c < columns.size(); c++) {
                    if (columns.get(c).id().equals(r.dimension())) {
                        sheet.column[r.ordinal()] = c;
                    }
                }
                if (r.isScore()) {
                    sheet.ruleMax[r.ordinal()] = scale(ruleBase.tables().maxPoints(r.id(), p.id()), p.id(), r.dimension());
                    for (Band b : sheet.bands[r.ordinal()]) {
                        sheet.bandPoints[b.ordinal()] = scale(b.points(), p.id(), r.dimension());
                    }
                }
            }
            sheets.put(p.id(), sheet);
        }
        for (RuleInfo r : rules) {
            List<Evaluation.ClauseRef> refs = new ArrayList<>();
            for (String id : r.clauses()) {
                Clause c = ruleBase.tables().clauses().get(id);
                refs.add(new Evaluation.ClauseRef(c.id(), r.quotes().getOrDefault(id, c.quote()), c.line()));
            }
            clauseRefs.put(r.id(), List.copyOf(refs));
        }
        List<String> dimensionOrder = List.copyOf(ruleBase.tables().dimensions().keySet());
        this.findingOrder = new int[rules.length];
        int[] place = {0};
        ruleBase.catalogue().values().stream().filter(RuleInfo::isScore)
                .sorted(Comparator.comparing((RuleInfo r) -> dimensionOrder.indexOf(r.dimension())).thenComparing(RuleInfo::id))
                .forEach(r -> findingOrder[r.ordinal()] = place[0]++);
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
        return sheets.get(program).ruleMax[ruleBase.rule(ruleId).ordinal()];
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
        List<Sheet> programmes = new ArrayList<>(apps.size());
        for (Application app : apps) {
            String id = programFor(app, program);
            Sheet sheet = sheets.get(id);
            if (sheet == null) {
                throw new IllegalArgumentException("unknown programme '" + id + "'");
            }
            programmes.add(sheet);
        }
        // the claims that lack the evidence their programme asks for: the application as it stands is evaluated too,
        // in the same rule session as the applications as declared (a session's set-up is paid once)
        int n = apps.size();
        List<Evidence.Standing> standings = new ArrayList<>(n);
        List<Application> all = new ArrayList<>(n + n / 2);
        List<Sheet> allProgrammes = new ArrayList<>(n + n / 2);
        all.addAll(apps);
        allProgrammes.addAll(programmes);
        for (int i = 0; i < n; i++) {
            Evidence.Standing s = ruleBase.evidence().standing(apps.get(i), programmes.get(i).programme);
            standings.add(s);
            if (!s.complete()) {
                all.add(s.application());
                allProgrammes.add(programmes.get(i));
            }
        }
        List<Outcome> outcomes = run(all, allProgrammes, standings);
        List<Outcome> out = new ArrayList<>(n);
        int next = n;
        for (int i = 0; i < n; i++) {
            Evidence.Standing s = standings.get(i);
            Outcome standing = s.complete() ? outcomes.get(i) : outcomes.get(next++);
            out.add(stand(outcomes.get(i), standing, s.withheld(), programmes.get(i)));
        }
        return out;
    }

    /**
     * The rules run over applications in one session: the outcomes as they are given, nothing withheld yet. The
     * first {@code standings.size()} are as declared: their why-nots are worked out only where their evidence is
     * complete (otherwise those of the application as it stands are shown); the rest are as they stand.
     */
    private List<Outcome> run(List<Application> apps, List<Sheet> programmes, List<Evidence.Standing> standings) {
        List<Facts> facts = new ArrayList<>(apps.size());
        List<RuleOutcomes.Decisions> decisions = new ArrayList<>(apps.size());
        RuleOutcomes outcomes = new RuleOutcomes(ruleBase, factsBindings);
        for (int i = 0; i < apps.size(); i++) {
            Application app = apps.get(i);
            Programme programme = programmes.get(i).programme;
            Facts f = new Facts(app, programme.id(), ruleBase.schema(), ruleBase.tables(), derivations.derive(app, programme),
                    factPlaces);
            facts.add(f);
            decisions.add(outcomes.track(f, programmes.get(i).bands));
        }
        StatelessKieSession session = ruleBase.newSession();
        session.setGlobal("out", outcomes);
        session.execute(facts);
        List<Outcome> out = new ArrayList<>(apps.size());
        for (int i = 0; i < apps.size(); i++) {
            boolean whyNots = i >= standings.size() || standings.get(i).complete();
            out.add(outcome(apps.get(i), programmes.get(i), facts.get(i), decisions.get(i), whyNots));
        }
        return out;
    }

    /**
     * What stands: the evaluation of the application as its evidence lets it stand, less the points of the
     * rules that a hold flag raised on the declared application doubts, not eligible while a block flag
     * stands; each point left out is pending, with the claims and flags it waits on. Flags are those of the
     * application as declared: they are about what it claims.
     */
    private Outcome stand(Outcome declared, Outcome standing, List<Evidence.Withheld> withheld, Sheet sheet) {
        // by rule ordinal: the flags that hold the rule's points (null where none does)
        List<String>[] heldBy = null;
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
                if (heldBy == null) {
                    @SuppressWarnings("unchecked")
                    List<String>[] none = new List[rules.length];
                    heldBy = none;
                }
                int held = ruleBase.rule(rule).ordinal();
                if (heldBy[held] == null) {
                    heldBy[held] = new ArrayList<>();
                }
                heldBy[held].add(f.ruleId());
            }
        }
        Outcome.Review review = reviewFlags.isEmpty() ? Outcome.Review.NONE
                : new Outcome.Review(true, List.copyOf(reviewFlags), blocked);
        if (withheld.isEmpty() && heldBy == null) {
            return new Outcome(declared.applicationId(), declared.title(), declared.applicant(), declared.program(),
                    declared.rulesetVersion(), declared.totalScore(), declared.maxScore(), declared.grade(),
                    declared.eligible() && !blocked, declared.totalScore(), review, declared.dimensions(), declared.findings(),
                    List.of(), declared.gates(), declared.flags(), declared.whyNot(), null);
        }
        BigDecimal[] standingPoints = new BigDecimal[rules.length];
        List<Outcome.Award> findings = new ArrayList<>(standing.findings().size());
        int[] findingRules = new int[standing.findings().size()]; // the rule ordinal of each of findings
        BigDecimal[] heldByColumn = new BigDecimal[sheet.columns.size()];
        for (Outcome.Award a : standing.findings()) {
            int rule = ruleBase.rule(a.ruleId()).ordinal();
            standingPoints[rule] = a.points();
            if (heldBy != null && heldBy[rule] != null) {
                int column = sheet.column[rule];
                if (column >= 0) {
                    heldByColumn[column] = heldByColumn[column] == null ? a.points() : heldByColumn[column].add(a.points());
                }
            } else {
                findingRules[findings.size()] = rule;
                findings.add(a);
            }
        }
        List<Outcome.Award> declaredFindings = declared.findings();
        RuleInfo[] declaredRule = new RuleInfo[declaredFindings.size()];
        boolean[] declaredRules = new boolean[rules.length];
        for (int i = 0; i < declaredRule.length; i++) {
            declaredRule[i] = ruleBase.rule(declaredFindings.get(i).ruleId());
            declaredRules[declaredRule[i].ordinal()] = true;
        }
        List<Outcome.Pending> pending = new ArrayList<>();
        boolean[] pendingRules = new boolean[rules.length];
        for (int i = 0; i < declaredRule.length; i++) {
            Outcome.Award a = declaredFindings.get(i);
            RuleInfo rule = declaredRule[i];
            List<String> flags = heldBy == null || heldBy[rule.ordinal()] == null ? List.of() : heldBy[rule.ordinal()];
            BigDecimal standingRule = standingPoints[rule.ordinal()] != null ? standingPoints[rule.ordinal()] : BigDecimal.ZERO;
            BigDecimal stands = flags.isEmpty() ? standingRule : BigDecimal.ZERO;
            // of a group of which one rule counts, what another rule of the group gives instead already stands
            String group = rule.exclusiveGroup();
            if (group != null) {
                for (int f = 0; f < findings.size(); f++) {
                    RuleInfo otherRule = rules[findingRules[f]];
                    if (!declaredRules[otherRule.ordinal()] && group.equals(otherRule.exclusiveGroup())) {
                        stands = stands.add(findings.get(f).points());
                    }
                }
            }
            BigDecimal left = a.points().subtract(stands);
            if (left.signum() <= 0) {
                continue;
            }
            List<Evidence.Withheld> claims = new ArrayList<>();
            if (standingRule.compareTo(a.points()) < 0) {
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
            pendingRules[rule.ordinal()] = true;
        }
        List<Outcome.Dimension> dimensions = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        List<Outcome.Dimension> standingDimensions = standing.dimensions();
        for (int c = 0; c < standingDimensions.size(); c++) {
            Outcome.Dimension d = standingDimensions.get(c);
            BigDecimal score = tidy(heldByColumn[c] == null ? d.score() : d.score().subtract(heldByColumn[c]));
            total = total.add(score);
            dimensions.add(new Outcome.Dimension(d.id(), score, d.maxScore()));
        }
        total = tidy(total);
        List<Outcome.Shortfall> whyNot = standing.whyNot();
        if (!pending.isEmpty()) {
            // a rule whose points are pending is not a shortfall
            whyNot = new ArrayList<>(standing.whyNot().size());
            for (Outcome.Shortfall w : standing.whyNot()) {
                if (!pendingRules[ruleBase.rule(w.ruleId()).ordinal()]) {
                    whyNot.add(w);
                }
            }
            whyNot = java.util.Collections.unmodifiableList(whyNot);
        }
        return new Outcome(declared.applicationId(), declared.title(), declared.applicant(), declared.program(),
                declared.rulesetVersion(), total, declared.maxScore(), sheet.programme.grade(total),
                standing.eligible() && !blocked, declared.totalScore(), review, dimensions, findings, List.copyOf(pending),
                standing.gates(), declared.flags(), whyNot, null);
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

    private Outcome outcome(Application app, Sheet sheet, Facts facts, RuleOutcomes.Decisions decisions, boolean whyNots) {
        List<RuleOutcomes.Hit> awards = decisions.awards();
        List<Outcome.Award> findings = new ArrayList<>(awards.size());
        BigDecimal[] pointsByRule = new BigDecimal[rules.length];
        BigDecimal[] byColumn = new BigDecimal[sheet.columns.size()];
        java.util.Arrays.fill(byColumn, BigDecimal.ZERO);
        int[] order = new int[awards.size()];
        for (int i = 0; i < order.length; i++) {
            RuleOutcomes.Hit hit = awards.get(i);
            RuleInfo rule = hit.rule();
            BigDecimal points = sheet.bandPoints[hit.band().ordinal()];
            Outcome.Award award = new Outcome.Award(rule.id(), points, sheet.ruleMax[rule.ordinal()], hit.band().threshold(),
                    hit.evidence());
            // findings in dimension then id order: an insertion sort by each rule's place (a handful of findings)
            int place = findingOrder[rule.ordinal()];
            int at = i;
            while (at > 0 && order[at - 1] > place) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = place;
            findings.add(at, award);
            int column = sheet.column[rule.ordinal()];
            if (column >= 0) {
                byColumn[column] = byColumn[column].add(points);
            }
            pointsByRule[rule.ordinal()] = points;
        }

        List<Outcome.Dimension> dimensions = new ArrayList<>(byColumn.length);
        BigDecimal total = BigDecimal.ZERO;
        for (int c = 0; c < byColumn.length; c++) {
            DimensionColumn d = sheet.columns.get(c);
            total = total.add(byColumn[c]);
            dimensions.add(new Outcome.Dimension(d.id(), tidy(byColumn[c]), d.weight()));
        }

        List<RuleOutcomes.Hit> failed = decisions.failedGates();
        List<Outcome.Gate> gates = new ArrayList<>(sheet.gates.size());
        for (RuleInfo rule : sheet.gates) {
            RuleOutcomes.Hit hit = null;
            for (int i = 0; i < failed.size(); i++) {
                if (failed.get(i).rule() == rule) {
                    hit = failed.get(i);
                }
            }
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
        String program = sheet.programme.id();
        return new Outcome(app.applicationId(), app.title(), app.applicantName(), program, ruleBase.version(), total,
                sheet.maxScore, sheet.programme.grade(total), failed.isEmpty(), total, Outcome.Review.NONE, dimensions,
                findings, List.of(), gates, flags, whyNots ? whyNot.explain(facts, pointsByRule) : List.of(), null);
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
        if (v.scale() == 0) {
            return v; // a whole number is tidy as it is (most points are): no new decimals
        }
        BigDecimal r = v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
