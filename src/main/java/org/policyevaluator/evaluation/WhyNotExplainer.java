package org.policyevaluator.evaluation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.policyevaluator.rules.Band;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleInfo;

/**
 * Says, for every score rule that gave less than its maximum, which condition was not met, with the
 * actual value and the threshold ("训练算力国产占比为 40%，未达到 ≥50% 档"). A banded rule is explained
 * from its bands and the fact it measures; any other rule by its {@code ID.whynot} message, which may
 * name any fact of the profile. Of a group of rules of which only one can count, only the group's best
 * rule is explained, with the points the group gave.
 */
final class WhyNotExplainer {
    /** Profile facts by property name (getTrainingShare -> trainingShare), for the messages. */
    private static final Map<String, Method> FACTS = profileGetters();

    /**
     * A rule to explain under one programme: the group it stands for, its maximum, its bands best first,
     * and the texts already rendered for it, by language, points obtained and measured value (a banded
     * rule's text depends on nothing else, and most applications repeat a few values). Bounded like
     * {@link Template}'s memo.
     */
    private record Candidate(RuleInfo rule, List<String> group, BigDecimal max, List<Band> bands,
                             Map<BandedText, String> texts, FactTemplate[] messages, Method measure, String[] titles) {
    }

    /**
     * A rule's own why-not message (ID.whynot) in one language, with what fills each placeholder:
     * {points} and {maxPoints}, else the profile fact of that name (a null getter: no such fact).
     */
    private record FactTemplate(Template template, String[] keys, Method[] facts, String missing) {
        static FactTemplate of(Template template, String key) {
            String[] keys = template == null ? new String[0] : template.placeholderKeys().toArray(String[]::new);
            Method[] facts = new Method[keys.length];
            for (int i = 0; i < keys.length; i++) {
                facts[i] = FACTS.get(keys[i]);
            }
            return new FactTemplate(template, keys, facts, "[" + key + "]");
        }
    }

    private record BandedText(String lang, BigDecimal got, Object value) {
    }

    private static final int TEXTS_LIMIT = 50_000;

    private final RuleBase ruleBase;
    private final Evaluator evaluator;
    private final Map<String, List<Candidate>> plans = new ConcurrentHashMap<>();

    /** Whether the banded texts name only the band's own values, so that they can be kept by those values. */
    private final boolean bandedTextsFixed;

    WhyNotExplainer(RuleBase ruleBase, Evaluator evaluator) {
        this.ruleBase = ruleBase;
        this.evaluator = evaluator;
        Set<String> bandKeys = Set.of("points", "maxPoints", "measure", "value", "op", "next", "top", "lowest");
        this.bandedTextsFixed = evaluator.renderer().placeholdersWithin("whynot.band", bandKeys)
                && evaluator.renderer().placeholdersWithin("whynot.band.none", bandKeys);
    }

    List<Evaluation.WhyNot> explain(Profile profile, Map<String, BigDecimal> pointsByRule, String lang) {
        List<Evaluation.WhyNot> out = new ArrayList<>();
        for (Candidate c : plans.computeIfAbsent(profile.getProgram(), this::plan)) {
            BigDecimal got = BigDecimal.ZERO;
            for (String id : c.group()) {
                BigDecimal p = pointsByRule.get(id);
                if (p != null) {
                    got = got.add(p);
                }
            }
            if (got.compareTo(c.max()) < 0) {
                out.add(new Evaluation.WhyNot(c.rule().id(), c.titles()["en".equals(lang) ? 1 : 0], c.rule().dimension(), got,
                        c.max(), reason(c, profile, got, lang)));
            }
        }
        return out;
    }

    /** The rules worth explaining under a programme, in dimension then id order. */
    private List<Candidate> plan(String program) {
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
                List<String> group = r.exclusiveGroup() != null ? List.copyOf(members.get(r.exclusiveGroup())) : List.of(r.id());
                List<Band> bands = ruleBase.tables().bands(r.id(), program).stream().filter(Band::banded).toList();
                String key = r.id() + ".whynot";
                plan.add(new Candidate(r, group, max, bands, new ConcurrentHashMap<>(), new FactTemplate[] {
                        FactTemplate.of(evaluator.renderer().template(key, "zh"), key),
                        FactTemplate.of(evaluator.renderer().template(key, "en"), key)},
                        r.measure() == null ? null : FACTS.get(r.measure()),
                        new String[] {ruleBase.title(r.id(), "zh"), ruleBase.title(r.id(), "en")}));
            }
        }
        plan.sort(Comparator.comparing((Candidate c) -> dimensions.indexOf(c.rule().dimension()))
                .thenComparing(c -> c.rule().id()));
        return List.copyOf(plan);
    }

    private String reason(Candidate c, Profile profile, BigDecimal got, String lang) {
        RuleInfo r = c.rule();
        if (r.measure() != null && !c.bands().isEmpty()) {
            Object value = c.measure() == null ? null : fact(profile, c.measure());
            BandedText memoKey = new BandedText(lang, got, value);
            if (!bandedTextsFixed) {
                return bandedReason(c, profile, value, got, lang);
            }
            String text = c.texts().get(memoKey);
            if (text == null) {
                text = bandedReason(c, profile, value, got, lang);
                if (c.texts().size() >= TEXTS_LIMIT) {
                    c.texts().clear();
                }
                c.texts().put(memoKey, text);
            }
            return text;
        }
        FactTemplate message = c.messages()["en".equals(lang) ? 1 : 0];
        if (message.template() == null) {
            return message.missing();
        }
        Object[] values = new Object[message.keys().length];
        for (int i = 0; i < values.length; i++) {
            String k = message.keys()[i];
            values[i] = k.equals("points") ? got : k.equals("maxPoints") ? c.max()
                    : message.facts()[i] != null ? fact(profile, message.facts()[i]) : Template.ABSENT;
        }
        return evaluator.renderer().message(message.template(), values, lang);
    }

    /** A banded rule's why-not: the value measured, the next band up and the top band. */
    private String bandedReason(Candidate c, Profile profile, Object value, BigDecimal got, String lang) {
        ReasonRenderer renderer = evaluator.renderer();
        RuleInfo r = c.rule();
        Map<String, Object> extra = new HashMap<>();
        extra.put("points", got);
        extra.put("maxPoints", c.max());
        String style = r.measure().endsWith("Share") ? "pct" : null;
        Band top = c.bands().get(0);
        Band next = null;
        for (Band b : c.bands()) { // best first: the last band better than what was obtained is the nearest
            if (evaluator.scale(b.points(), profile.getProgram(), r.dimension()).compareTo(got) > 0) {
                next = b;
            }
        }
        extra.put("measure", ruleBase.messages().get(lang, r.id() + ".measure"));
        extra.put("value", renderer.format(value, style, lang));
        extra.put("op", top.op().equals(">=") ? "≥" : "≤");
        extra.put("next", renderer.format(next == null ? top.threshold() : next.threshold(), style, lang));
        extra.put("top", renderer.format(top.threshold(), style, lang));
        extra.put("lowest", renderer.format(c.bands().get(c.bands().size() - 1).threshold(), style, lang));
        return renderer.message(value == null ? "whynot.band.none" : "whynot.band",
                Template.of(k -> extra.containsKey(k) ? extra.get(k) : fact(profile, k),
                        k -> extra.containsKey(k) || FACTS.containsKey(k)), lang);
    }

    private static Object fact(Profile profile, String name) {
        Method getter = FACTS.get(name);
        return getter == null ? null : fact(profile, getter);
    }

    private static Object fact(Profile profile, Method getter) {
        try {
            return getter.invoke(profile);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Method> profileGetters() {
        Map<String, Method> map = new HashMap<>();
        for (Method m : Profile.class.getMethods()) {
            String n = m.getName();
            boolean getter = (n.startsWith("get") && n.length() > 3) || (n.startsWith("is") && n.length() > 2);
            if (getter && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                    && m.getDeclaringClass() == Profile.class) {
                String name = n.startsWith("is") ? n.substring(2) : n.substring(3);
                map.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), m);
            }
        }
        return Map.copyOf(map);
    }
}
