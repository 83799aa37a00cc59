package org.policyevaluator.evaluation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final List<Method> PROFILE_GETTERS = profileGetters();

    private final RuleBase ruleBase;
    private final Evaluator evaluator;

    WhyNotExplainer(RuleBase ruleBase, Evaluator evaluator) {
        this.ruleBase = ruleBase;
        this.evaluator = evaluator;
    }

    List<Evaluation.WhyNot> explain(Profile profile, Map<String, BigDecimal> pointsByRule,
                                    List<String> dimensionOrder, String lang) {
        String program = profile.getProgram();
        Map<String, Object> facts = null;
        Map<String, RuleInfo> bestOfGroup = new HashMap<>();
        Map<String, BigDecimal> groupPoints = new HashMap<>();
        for (RuleInfo r : ruleBase.catalogue().values()) {
            if (r.isScore() && r.exclusiveGroup() != null) {
                RuleInfo best = bestOfGroup.get(r.exclusiveGroup());
                if (best == null || evaluator.maxPoints(r.id(), program).compareTo(evaluator.maxPoints(best.id(), program)) > 0) {
                    bestOfGroup.put(r.exclusiveGroup(), r);
                }
                groupPoints.merge(r.exclusiveGroup(), pointsByRule.getOrDefault(r.id(), BigDecimal.ZERO), BigDecimal::add);
            }
        }
        List<Evaluation.WhyNot> out = new ArrayList<>();
        for (RuleInfo r : ruleBase.catalogue().values()) {
            if (!r.isScore() || (r.exclusiveGroup() != null && bestOfGroup.get(r.exclusiveGroup()) != r)) {
                continue;
            }
            BigDecimal max = evaluator.maxPoints(r.id(), program);
            BigDecimal got = r.exclusiveGroup() != null ? groupPoints.get(r.exclusiveGroup())
                    : pointsByRule.getOrDefault(r.id(), BigDecimal.ZERO);
            if (got.compareTo(max) >= 0 || max.signum() == 0) {
                continue;
            }
            if (facts == null) {
                facts = facts(profile);
            }
            out.add(new Evaluation.WhyNot(r.id(), ruleBase.title(r.id(), lang), r.dimension(), got, max,
                    reason(r, profile, facts, got, max, lang)));
        }
        out.sort(java.util.Comparator.comparing((Evaluation.WhyNot w) -> dimensionOrder.indexOf(w.dimension()))
                .thenComparing(Evaluation.WhyNot::ruleId));
        return out;
    }

    private String reason(RuleInfo r, Profile profile, Map<String, Object> facts, BigDecimal got, BigDecimal max,
                          String lang) {
        ReasonRenderer renderer = evaluator.renderer();
        Map<String, Object> values = new LinkedHashMap<>(facts);
        values.put("points", got);
        values.put("maxPoints", max);
        List<Band> bands = ruleBase.tables().bands(r.id(), profile.getProgram()).stream().filter(Band::banded).toList();
        if (r.measure() == null || bands.isEmpty()) {
            return renderer.render(ruleBase.messages().get(lang, r.id() + ".whynot"), values, lang);
        }
        String style = r.measure().endsWith("Share") ? "pct" : null;
        Object value = facts.get(r.measure());
        Band top = bands.get(0);
        Band lowest = bands.get(bands.size() - 1);
        Band next = null;
        for (Band b : bands) { // best first: the last band better than what was obtained is the nearest
            if (evaluator.scale(b.points(), profile.getProgram(), r.dimension()).compareTo(got) > 0) {
                next = b;
            }
        }
        values.put("measure", ruleBase.messages().get(lang, r.id() + ".measure"));
        values.put("value", renderer.format(value, style, lang));
        values.put("op", top.op().equals(">=") ? "≥" : "≤");
        values.put("next", renderer.format(next == null ? top.threshold() : next.threshold(), style, lang));
        values.put("top", renderer.format(top.threshold(), style, lang));
        values.put("lowest", renderer.format(lowest.threshold(), style, lang));
        return renderer.render(ruleBase.messages().get(lang, value == null ? "whynot.band.none" : "whynot.band"), values,
                lang);
    }

    /** The profile's facts by property name (getTrainingShare -> trainingShare). */
    static Map<String, Object> facts(Profile profile) {
        Map<String, Object> m = new HashMap<>();
        for (Method g : PROFILE_GETTERS) {
            try {
                String name = g.getName().startsWith("is") ? g.getName().substring(2) : g.getName().substring(3);
                m.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), g.invoke(profile));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    private static List<Method> profileGetters() {
        List<Method> list = new ArrayList<>();
        for (Method m : Profile.class.getMethods()) {
            boolean getter = (m.getName().startsWith("get") && m.getName().length() > 3) || m.getName().startsWith("is");
            if (getter && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                    && m.getDeclaringClass() == Profile.class) {
                list.add(m);
            }
        }
        return List.copyOf(list);
    }
}
