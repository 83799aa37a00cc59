package org.policyevaluator.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.PairMap;
import org.policyevaluator.rules.Band;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleInfo;

/**
 * Says, for every score rule that gave less than its maximum, which condition was not met, with the
 * actual value and the threshold ("训练算力国产占比为 40%，未达到 ≥50% 档"). A banded rule is explained
 * from its bands and the value its {@code @measure} names (a field or a derived fact; a list counts its
 * items); any other rule by its {@code ID.whynot} message, which may name any field or derived fact. Of a
 * group of rules of which only one can count, only the group's best rule is explained, with the points
 * the group gave. {@link #explain} keeps the values (language-neutral); {@link #text} words them.
 */
final class WhyNotExplainer {
    /**
     * A rule to explain under one programme: the group it stands for, its maximum, its bands best first,
     * the values its message names, and the texts already rendered for it, by language, points obtained and
     * measured value (a banded rule's text depends on nothing else, and most applications repeat a few
     * values). Bounded like {@link Template}'s memo.
     */
    private record Candidate(RuleInfo rule, int[] group, BigDecimal max, List<Band> bands, List<String> names,
                             TextMemo texts, Template[] messages) {
    }

    private static final int TEXTS_LIMIT = 50_000;
    private static final Set<String> OWN_KEYS = Set.of("points", "maxPoints");

    private final RuleBase ruleBase;
    private final Evaluator evaluator;
    /** programme -> the rules worth explaining there, in dimension then id order. */
    private final Map<String, List<Candidate>> plans = new ConcurrentHashMap<>();
    /** programme -> rule id -> candidate. */
    private final Map<String, Map<String, Candidate>> byRule = new ConcurrentHashMap<>();

    WhyNotExplainer(RuleBase ruleBase, Evaluator evaluator) {
        this.ruleBase = ruleBase;
        this.evaluator = evaluator;
    }

    /** The shortfalls of an application, from the points each rule gave it (by rule ordinal, null where none). */
    List<Outcome.Shortfall> explain(Facts facts, BigDecimal[] pointsByRule) {
        List<Candidate> plan = plan(facts.getProgram());
        List<Outcome.Shortfall> out = new ArrayList<>(plan.size());
        for (Candidate c : plan) {
            BigDecimal got = BigDecimal.ZERO;
            for (int rule : c.group()) {
                BigDecimal p = pointsByRule[rule];
                if (p != null) {
                    // a rule's own points as they are (most groups are one rule): the why-not's wording is kept by
                    // them, and the same instance is found at once
                    got = got == BigDecimal.ZERO ? p : got.add(p);
                }
            }
            if (got.compareTo(c.max()) < 0) {
                // the values the why-not will be worded from, as pairs (a why-not is made for most rules of every application)
                Object[] pairs;
                if (banded(c)) {
                    pairs = new Object[] {"value", measured(facts, c.rule().measure())};
                } else {
                    List<String> names = c.names();
                    pairs = new Object[2 * names.size()];
                    for (int i = 0; i < names.size(); i++) {
                        pairs[2 * i] = names.get(i);
                        pairs[2 * i + 1] = facts.value(names.get(i));
                    }
                }
                out.add(new Outcome.Shortfall(c.rule().id(), got, c.max(), new PairMap(pairs)));
            }
        }
        return out;
    }

    /** The why-not of a shortfall, in a language. */
    String text(Outcome.Shortfall s, String program, String lang) {
        Candidate c = candidates(program).get(s.ruleId());
        if (banded(c)) {
            Object value = s.values().get("value");
            Object[] memoKey = {s.points(), value};
            int hash = TextMemo.hash(lang, memoKey);
            String text = c.texts().get(hash, lang, memoKey);
            if (text == null) {
                text = bandedReason(c, program, value, s.points(), lang);
                c.texts().put(hash, lang, memoKey, text);
            }
            return text;
        }
        Template message = c.messages()[("en".equals(lang) ? 1 : 0) + (s.points().signum() > 0 ? 2 : 0)];
        if (message == null) {
            return "[" + c.rule().id() + ".whynot]";
        }
        List<String> keys = message.placeholderKeys();
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < values.length; i++) {
            String k = keys.get(i);
            values[i] = k.equals("points") ? s.points() : k.equals("maxPoints") ? s.maxPoints()
                    : s.values().containsKey(k) ? s.values().get(k) : Template.ABSENT;
        }
        return evaluator.renderer().reasons().message(message, values, lang);
    }

    private static boolean banded(Candidate c) {
        return c.rule().measure() != null && !c.bands().isEmpty();
    }

    /** The value a banded rule measures: a list field counts its items (none declared: 0). */
    private Object measured(Facts facts, String measure) {
        Object v = facts.value(measure);
        if (v instanceof Collection<?> list) {
            return list.size();
        }
        FieldDef f = ruleBase.schema().field(measure);
        return v == null && f != null && f.type().isList() ? 0 : v;
    }

    private List<Candidate> plan(String program) {
        List<Candidate> plan = plans.get(program); // looked up first: computeIfAbsent makes a lambda every call
        return plan != null ? plan : plans.computeIfAbsent(program, this::buildPlan);
    }

    private Map<String, Candidate> candidates(String program) {
        Map<String, Candidate> known = byRule.get(program);
        if (known != null) {
            return known;
        }
        return byRule.computeIfAbsent(program, p -> {
            Map<String, Candidate> m = new HashMap<>();
            plan(p).forEach(c -> m.put(c.rule().id(), c));
            return m;
        });
    }

    /** The rules worth explaining under a programme, in dimension then id order. */
    private List<Candidate> buildPlan(String program) {
        Map<String, RuleInfo> bestOfGroup = new HashMap<>();
        Map<String, List<String>> members = new HashMap<>();
        for (RuleInfo r : ruleBase.catalogue().values()) {
            if (r.isScore() && r.exclusiveGroup() != null) {
                members.computeIfAbsent(r.exclusiveGroup(), k -> new ArrayList<>()).add(r.id());
                RuleInfo best = bestOfGroup.get(r.exclusiveGroup());
                if (best == null || evaluator.maxPoints(r.id(), program).compareTo(evaluator.maxPoints(best.id(), program)) > 0) {
                    bestOfGroup.put(r.exclusiveGroup(), r);
                }
            }
        }
        List<String> dimensions = new ArrayList<>(ruleBase.tables().dimensions().keySet());
        List<Candidate> plan = new ArrayList<>();
        for (RuleInfo r : ruleBase.catalogue().values()) {
            if (!r.isScore() || (r.exclusiveGroup() != null && bestOfGroup.get(r.exclusiveGroup()) != r)) {
                continue;
            }
            BigDecimal max = evaluator.maxPoints(r.id(), program);
            if (max.signum() > 0) {
                int[] group = (r.exclusiveGroup() != null ? members.get(r.exclusiveGroup()) : List.of(r.id())).stream()
                        .mapToInt(id -> ruleBase.rule(id).ordinal()).toArray();
                List<Band> bands = ruleBase.tables().bands(r.id(), program).stream().filter(Band::banded).toList();
                String key = r.id() + ".whynot";
                Template zh = evaluator.renderer().reasons().template(key, "zh");
                Template en = evaluator.renderer().reasons().template(key, "en");
                // a group that gave some of its points may say so in its own words (.whynotPartial)
                Template zhPartial = evaluator.renderer().reasons().template(key + "Partial", "zh");
                Template enPartial = evaluator.renderer().reasons().template(key + "Partial", "en");
                // the facts the message names in either language: kept with the shortfall, so that it words later
                Set<String> names = new LinkedHashSet<>();
                for (Template t : new Template[] {zh, en, zhPartial, enPartial}) {
                    if (t != null) {
                        t.placeholderKeys().stream().filter(k -> !OWN_KEYS.contains(k) && isFact(k)).forEach(names::add);
                    }
                }
                plan.add(new Candidate(r, group, max, bands, List.copyOf(names), new TextMemo(TEXTS_LIMIT),
                        new Template[] {zh, en, zhPartial != null ? zhPartial : zh, enPartial != null ? enPartial : en}));
            }
        }
        plan.sort(Comparator.comparing((Candidate c) -> dimensions.indexOf(c.rule().dimension()))
                .thenComparing(c -> c.rule().id()));
        return List.copyOf(plan);
    }

    private boolean isFact(String name) {
        return ruleBase.schema().field(name) != null || Derivations.NAMES.containsKey(name);
    }

    /**
     * A banded rule's why-not: the value measured, the next band up and the top band (whynot.band names only
     * these, so the text is kept by them).
     */
    private String bandedReason(Candidate c, String program, Object value, BigDecimal got, String lang) {
        ReasonRenderer renderer = evaluator.renderer().reasons();
        RuleInfo r = c.rule();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("points", got);
        extra.put("maxPoints", c.max());
        String style = isShare(r.measure()) ? "pct" : null;
        Band top = c.bands().get(0);
        Band next = null;
        for (Band b : c.bands()) { // best first: the last band better than what was obtained is the nearest
            if (evaluator.scale(b.points(), program, r.dimension()).compareTo(got) > 0) {
                next = b;
            }
        }
        extra.put("measure", ruleBase.messages().get(lang, r.id() + ".measure"));
        extra.put("value", renderer.format(value, style, lang));
        extra.put("op", top.op().equals(">=") ? "≥" : "≤");
        extra.put("next", renderer.format(next == null ? top.threshold() : next.threshold(), style, lang));
        extra.put("top", renderer.format(top.threshold(), style, lang));
        extra.put("lowest", renderer.format(c.bands().get(c.bands().size() - 1).threshold(), style, lang));
        return renderer.message(value == null ? "whynot.band.none" : "whynot.band", Template.of(extra), lang);
    }

    /** A share prints as a percentage: a field whose unit is share, or a derived share. */
    private boolean isShare(String measure) {
        FieldDef f = ruleBase.schema().field(measure);
        return f != null ? f.isShare() : measure.endsWith("Share");
    }
}
