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
import org.policyevaluator.model.Application;
import org.policyevaluator.rules.Band;
import org.policyevaluator.rules.Clause;
import org.policyevaluator.rules.Programme;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleInfo;

/**
 * Evaluates applications against one rule base: derives the facts, runs the rules in a stateless
 * session, and turns what fired into an explained {@link Evaluation}. Thread-safe.
 *
 * <p>Points in tables/scoring.csv are the points of the dimension at its base size (the sum of its
 * rules' maxima); a programme's weight for the dimension scales them, so that a policy officer changes
 * a dimension's weight in one cell.
 */
public final class Evaluator {
    /** How many applications a batch evaluates in one rule session (measured: 16 to 64 are alike). */
    public static final int CHUNK = 32;

    private final RuleBase ruleBase;
    private final ProfileDeriver deriver;
    private final ReasonRenderer renderer;
    private final WhyNotExplainer whyNot;
    private final SuggestionFinder suggestions;
    /** programme -> dimension -> factor applied to table points. */
    private final Map<String, Map<String, BigDecimal>> scales = new HashMap<>();
    /** programme -> table row -> its points there after weighting (rows are the tables' own instances). */
    private final Map<String, Map<Band, BigDecimal>> scaledBands = new HashMap<>();
    /** programme -> rule -> the most the rule can give there, after weighting. */
    private final Map<String, Map<String, BigDecimal>> maxima = new HashMap<>();
    /** rule -> its texts, prepared once, in Chinese [0] and English [1]. */
    private final Map<String, RuleTexts> texts = new HashMap<>();
    /** programme -> its dimensions as an evaluation lists them: in tables/dimensions.csv order, with weights. */
    private final Map<String, List<DimensionColumn>> dimensionColumns = new HashMap<>();
    /** programme -> its maximum score. */
    private final Map<String, BigDecimal> maxScores = new HashMap<>();
    /** programme -> the gates checked there, in id order. */
    private final Map<String, List<RuleInfo>> gatesByProgram = new HashMap<>();
    /** rule -> the clauses it cites, with quotes. */
    private final Map<String, List<Evaluation.ClauseRef>> clauseRefs = new HashMap<>();

    public Evaluator(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
        this.deriver = new ProfileDeriver(ruleBase.tables());
        this.renderer = new ReasonRenderer(ruleBase);
        this.whyNot = new WhyNotExplainer(ruleBase, this);
        for (Programme p : ruleBase.tables().programmes().values()) {
            Map<String, BigDecimal> byDimension = new HashMap<>();
            for (var w : p.weights().entrySet()) {
                BigDecimal base = baseMaximum(p.id(), w.getKey());
                byDimension.put(w.getKey(), base.signum() == 0 ? BigDecimal.ZERO
                        : w.getValue().divide(base, 10, RoundingMode.HALF_UP));
            }
            scales.put(p.id(), byDimension);
            Map<String, BigDecimal> ruleMax = new HashMap<>();
            for (RuleInfo r : ruleBase.catalogue().values()) {
                if (r.isScore()) {
                    ruleMax.put(r.id(), scale(ruleBase.tables().maxPoints(r.id(), p.id()), p.id(), r.dimension()));
                }
            }
            maxima.put(p.id(), ruleMax);
            Map<Band, BigDecimal> scaled = new IdentityHashMap<>();
            for (RuleInfo r : ruleBase.catalogue().values()) {
                if (r.isScore()) {
                    ruleBase.tables().bands(r.id(), p.id()).forEach(b -> scaled.put(b, scale(b.points(), p.id(), r.dimension())));
                }
            }
            scaledBands.put(p.id(), scaled);
        }
        for (RuleInfo r : ruleBase.catalogue().values()) {
            List<Evaluation.ClauseRef> refs = new ArrayList<>();
            for (String id : r.clauses()) {
                Clause c = ruleBase.tables().clauses().get(id);
                refs.add(new Evaluation.ClauseRef(c.id(), r.quotes().getOrDefault(id, c.quote()), c.line()));
            }
            clauseRefs.put(r.id(), List.copyOf(refs));
        }
        // score rule -> its place among the findings: by dimension as tables/dimensions.csv lists them, then by id
        Map<String, Integer> findingOrder = new HashMap<>();
        List<String> dimensionOrder = List.copyOf(ruleBase.tables().dimensions().keySet());
        ruleBase.catalogue().values().stream().filter(RuleInfo::isScore)
                .sorted(Comparator.comparing((RuleInfo r) -> dimensionOrder.indexOf(r.dimension())).thenComparing(RuleInfo::id))
                .forEach(r -> findingOrder.put(r.id(), findingOrder.size()));
        for (RuleInfo r : ruleBase.catalogue().values()) {
            String message = r.isScore() ? ".reason" : r.isGate() ? ".fail" : ".message";
            texts.put(r.id(), new RuleTexts(
                    new String[] {ruleBase.title(r.id(), "zh"), ruleBase.title(r.id(), "en")},
                    new EvidenceTemplate[] {EvidenceTemplate.of(renderer, r.id() + message, "zh"),
                            EvidenceTemplate.of(renderer, r.id() + message, "en")},
                    new String[] {ruleBase.messages().get("zh", r.id() + ".pass"), ruleBase.messages().get("en", r.id() + ".pass")},
                    findingOrder.getOrDefault(r.id(), -1)));
        }
        for (Programme p : ruleBase.tables().programmes().values()) {
            List<DimensionColumn> columns = new ArrayList<>();
            for (var d : ruleBase.tables().dimensions().entrySet()) {
                if (p.weights().containsKey(d.getKey())) {
                    columns.add(new DimensionColumn(d.getKey(), new String[] {d.getValue().name("zh"), d.getValue().name("en")},
                            tidy(p.weights().get(d.getKey()))));
                }
            }
            dimensionColumns.put(p.id(), List.copyOf(columns));
            maxScores.put(p.id(), tidy(p.maxScore()));
        }
        for (String program : ruleBase.tables().programmes().keySet()) {
            gatesByProgram.put(program, ruleBase.catalogue().values().stream()
                    .filter(r -> r.isGate() && appliesTo(r, program)).toList());
        }
        this.suggestions = new SuggestionFinder(this);
    }

    public RuleBase ruleBase() {
        return ruleBase;
    }

    public ReasonRenderer renderer() {
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

    public Evaluation evaluate(Application app, String program, String lang) {
        return evaluateAll(List.of(app), program, lang).get(0);
    }

    /**
     * Evaluates several applications in one rule session, each under {@link #programFor} the programme
     * asked for; the result is the same as evaluating them one by one, and cheaper (a batch evaluates in
     * chunks of {@link #CHUNK}).
     */
    public List<Evaluation> evaluateAll(List<Application> apps, String program, String lang) {
        List<Programme> programmes = new ArrayList<>(apps.size());
        List<Profile> profiles = new ArrayList<>(apps.size());
        List<RuleOutcomes.Decisions> decisions = new ArrayList<>(apps.size());
        RuleOutcomes outcomes = new RuleOutcomes(ruleBase);
        for (Application app : apps) {
            String id = programFor(app, program);
            Programme programme = ruleBase.tables().programme(id);
            if (programme == null) {
                throw new IllegalArgumentException("unknown programme '" + id + "'");
            }
            Profile profile = deriver.derive(app, programme);
            programmes.add(programme);
            profiles.add(profile);
            decisions.add(outcomes.track(profile));
        }
        StatelessKieSession session = ruleBase.newSession();
        session.setGlobal("out", outcomes);
        session.setGlobal("policy", ruleBase.tables());
        session.execute(profiles);
        List<Evaluation> evaluations = new ArrayList<>(apps.size());
        for (int i = 0; i < apps.size(); i++) {
            evaluations.add(explain(apps.get(i), programmes.get(i), profiles.get(i), decisions.get(i), lang));
        }
        return evaluations;
    }

    /** The evaluation of a self-assessment: with suggestions, each verified by evaluating the changed application. */
    public Evaluation assess(Application app, String program, String lang) {
        Evaluation e = evaluate(app, program, lang);
        return e.withSuggestions(suggestions.suggest(app, e, lang));
    }

    private Evaluation explain(Application app, Programme programme, Profile profile, RuleOutcomes.Decisions outcomes,
                               String lang) {
        String program = programme.id();
        List<Evaluation.Finding> findings = new ArrayList<>();
        Map<String, BigDecimal> dimensionScores = new LinkedHashMap<>();
        Map<String, BigDecimal> pointsByRule = new HashMap<>();
        programme.weights().keySet().forEach(d -> dimensionScores.put(d, BigDecimal.ZERO));
        int language = "en".equals(lang) ? 1 : 0;
        for (RuleOutcomes.Hit hit : outcomes.awards()) {
            RuleInfo rule = hit.rule();
            RuleTexts text = texts.get(rule.id());
            BigDecimal points = scaledBands.get(program).get(hit.band());
            String reason = text.message()[language].render(renderer, hit.evidence(), points, hit.band().threshold(), lang);
            findings.add(new Evaluation.Finding(rule.id(), text.title()[language], rule.dimension(), points,
                    maxPoints(rule.id(), program), reason, hit.evidence(), clauses(rule)));
            dimensionScores.merge(rule.dimension(), points, BigDecimal::add);
            pointsByRule.put(rule.id(), points);
        }
        if (findings.size() > 1) {
            findings.sort(Comparator.comparingInt((Evaluation.Finding f) -> texts.get(f.ruleId()).order()));
        }

        List<Evaluation.DimensionScore> dimensions = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (DimensionColumn d : dimensionColumns.get(program)) {
            BigDecimal score = dimensionScores.get(d.id());
            total = total.add(score);
            dimensions.add(new Evaluation.DimensionScore(d.id(), d.name()[language], tidy(score), d.weight()));
        }

        Map<String, RuleOutcomes.Hit> failed = new HashMap<>();
        outcomes.failedGates().forEach(h -> failed.put(h.rule().id(), h));
        List<Evaluation.GateResult> gates = new ArrayList<>();
        for (RuleInfo rule : gatesByProgram.get(program)) {
            RuleOutcomes.Hit hit = failed.get(rule.id());
            RuleTexts text = texts.get(rule.id());
            String reason = hit == null ? text.pass()[language]
                    : text.message()[language].render(renderer, hit.evidence(), null, null, lang);
            gates.add(new Evaluation.GateResult(rule.id(), text.title()[language], hit == null, reason,
                    hit == null ? Map.of() : hit.evidence(), clauses(rule)));
        }

        List<Evaluation.FlagResult> flags = new ArrayList<>();
        for (RuleOutcomes.Hit hit : outcomes.flags()) {
            RuleInfo rule = hit.rule();
            flags.add(new Evaluation.FlagResult(rule.id(), rule.severity(),
                    texts.get(rule.id()).message()[language].render(renderer, hit.evidence(), null, null, lang),
                    hit.evidence(), clauses(rule)));
        }
        if (flags.size() > 1) {
            flags.sort(Comparator.comparing(Evaluation.FlagResult::ruleId));
        }

        total = tidy(total);
        String applicant = app.applicant() == null ? null : app.applicant().name();
        return new Evaluation(null, app.applicationId(), app.title(), applicant, program, ruleBase.version(), total,
                maxScores.get(program), programme.grade(total), failed.isEmpty(), null, List.of(), dimensions, gates,
                flags, findings, whyNot.explain(profile, pointsByRule, lang), null);
    }

    /** A dimension of a programme: its id, its name in Chinese [0] and English [1], its weight. */
    private record DimensionColumn(String id, String[] name, BigDecimal weight) {
    }

    /** A rule's title, its message (reason, gate failure or flag) and a gate's pass text, [0] Chinese, [1] English. */
    private record RuleTexts(String[] title, EvidenceTemplate[] message, String[] pass, int order) {
    }

    /**
     * A rule's message with what fills each placeholder, in order: {points} and {threshold} (a score
     * rule's), else the evidence the rule handed over. A message the bundle lacks renders as its key in
     * brackets.
     */
    private record EvidenceTemplate(Template template, String[] keys, boolean[] isPoints, boolean[] isThreshold,
                                    String missing) {
        static EvidenceTemplate of(ReasonRenderer renderer, String key, String lang) {
            Template template = renderer.template(key, lang);
            String[] keys = template == null ? new String[0] : template.placeholderKeys().toArray(String[]::new);
            boolean[] isPoints = new boolean[keys.length];
            boolean[] isThreshold = new boolean[keys.length];
            for (int i = 0; i < keys.length; i++) {
                isPoints[i] = keys[i].equals("points");
                isThreshold[i] = keys[i].equals("threshold");
            }
            return new EvidenceTemplate(template, keys, isPoints, isThreshold, "[" + key + "]");
        }

        String render(ReasonRenderer renderer, Map<String, Object> evidence, BigDecimal points, Double threshold, String lang) {
            if (template == null) {
                return missing;
            }
            Object[] values = new Object[keys.length];
            for (int i = 0; i < keys.length; i++) {
                String k = keys[i];
                if (points != null && isPoints[i]) {
                    values[i] = points;
                } else if (threshold != null && isThreshold[i]) {
                    values[i] = threshold;
                } else {
                    Object v = evidence.get(k);
                    values[i] = v != null || evidence.containsKey(k) ? v : Template.ABSENT;
                }
            }
            return renderer.message(template, values, lang);
        }
    }

    /** A gate that depends on a programme parameter is only checked, and only listed, where the programme sets it. */
    public boolean appliesTo(RuleInfo rule, String program) {
        return rule.requiresParameter() == null || ruleBase.tables().has(program, rule.requiresParameter());
    }

    /** The clauses a rule cites, each with the rule's own phrase where it gives one, else the clause's quote. */
    public List<Evaluation.ClauseRef> clauses(RuleInfo rule) {
        return clauseRefs.get(rule.id());
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
    static BigDecimal tidy(BigDecimal v) {
        BigDecimal r = v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
