package org.policyevaluator.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyevaluator.intake.ApplicationEditor.Change;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleInfo;

/**
 * Words an {@link Outcome} in Chinese or English as an {@link Evaluation}: rule titles, reasons filled
 * with the values the rule used, gate and flag messages, dimension names, why-not and suggestion texts,
 * each from the ruleset's message bundles. Each rule's texts are prepared once. Thread-safe.
 */
public final class EvaluationRenderer {
    private final RuleBase ruleBase;
    private final ReasonRenderer reasons;
    private final WhyNotExplainer whyNot;
    /** rule -> its texts, prepared once, in Chinese [0] and English [1]. */
    private final Map<String, RuleTexts> texts = new HashMap<>();
    /** dimension -> its name in Chinese [0] and English [1]. */
    private final Map<String, String[]> dimensionNames = new HashMap<>();

    EvaluationRenderer(Evaluator evaluator, WhyNotExplainer whyNot) {
        this.ruleBase = evaluator.ruleBase();
        this.reasons = new ReasonRenderer(ruleBase);
        this.whyNot = whyNot;
        for (RuleInfo r : ruleBase.catalogue().values()) {
            String message = r.isScore() ? ".reason" : r.isGate() ? ".fail" : ".message";
            texts.put(r.id(), new RuleTexts(r, evaluator.clauses(r.id()),
                    new String[] {ruleBase.title(r.id(), "zh"), ruleBase.title(r.id(), "en")},
                    new EvidenceTemplate[] {EvidenceTemplate.of(reasons, r.id() + message, "zh"),
                            EvidenceTemplate.of(reasons, r.id() + message, "en")},
                    new String[] {ruleBase.messages().get("zh", r.id() + ".pass"), ruleBase.messages().get("en", r.id() + ".pass")}));
        }
        ruleBase.tables().dimensions().forEach((id, d) -> dimensionNames.put(id, new String[] {d.name("zh"), d.name("en")}));
    }

    /** The formatter of values and message templates this renderer uses. */
    public ReasonRenderer reasons() {
        return reasons;
    }

    /** The whole evaluation of a single application (no rank). */
    public Evaluation render(Outcome o, String lang) {
        return render(o, null, List.of(), lang, true);
    }

    /**
     * The evaluation with its rank and tie-breaks in a batch; {@code withWhyNot} false leaves out the why-not
     * texts (a report that does not print them need not word them).
     */
    public Evaluation render(Outcome o, Integer rank, List<Evaluation.TieBreak> tieBreaks, String lang, boolean withWhyNot) {
        int language = "en".equals(lang) ? 1 : 0;
        List<Evaluation.Finding> findings = new ArrayList<>(o.findings().size());
        for (Outcome.Award a : o.findings()) {
            RuleTexts text = texts.get(a.ruleId());
            findings.add(new Evaluation.Finding(a.ruleId(), text.title()[language], text.rule().dimension(), a.points(),
                    a.maxPoints(), text.message()[language].render(reasons, a.evidence(), a.points(), a.threshold(), lang),
                    a.evidence(), text.clauses()));
        }
        List<Evaluation.DimensionScore> dimensions = new ArrayList<>(o.dimensions().size());
        for (Outcome.Dimension d : o.dimensions()) {
            dimensions.add(new Evaluation.DimensionScore(d.id(), dimensionNames.get(d.id())[language], d.score(), d.maxScore()));
        }
        List<Evaluation.GateResult> gates = new ArrayList<>(o.gates().size());
        for (Outcome.Gate g : o.gates()) {
            RuleTexts text = texts.get(g.ruleId());
            String reason = g.passed() ? text.pass()[language]
                    : text.message()[language].render(reasons, g.evidence(), null, null, lang);
            gates.add(new Evaluation.GateResult(g.ruleId(), text.title()[language], g.passed(), reason, g.evidence(),
                    text.clauses()));
        }
        List<Evaluation.FlagResult> flags = new ArrayList<>(o.flags().size());
        for (Outcome.Flag f : o.flags()) {
            RuleTexts text = texts.get(f.ruleId());
            flags.add(new Evaluation.FlagResult(f.ruleId(), f.severity(), f.consequence(),
                    text.message()[language].render(reasons, f.evidence(), null, null, lang), f.evidence(), text.clauses()));
        }
        List<Evaluation.WhyNot> whyNots = List.of();
        if (withWhyNot) {
            whyNots = new ArrayList<>(o.whyNot().size());
            for (Outcome.Shortfall s : o.whyNot()) {
                RuleTexts text = texts.get(s.ruleId());
                whyNots.add(new Evaluation.WhyNot(s.ruleId(), text.title()[language], text.rule().dimension(),
                        s.points(), s.maxPoints(), whyNot.text(s, o.program(), lang)));
            }
        }
        List<Evaluation.Suggestion> suggestions = null;
        if (o.suggestions() != null) {
            suggestions = new ArrayList<>(o.suggestions().size());
            for (Outcome.Suggested s : o.suggestions()) {
                String text;
                if (s.changes().isEmpty()) {
                    text = evidenceText(s, lang); // the evidence alone, nothing to change
                } else {
                    text = suggestionText(s.changes().get(0), s.gain(), s.makesEligible(), s.ruleIds(), lang);
                    if (s.evidenceFor() != null) {
                        text += reasons.render(ruleBase.messages().get(lang, "suggest.evidence"),
                                Map.of("evidence", ruleBase.tables().evidenceClaims().get(s.evidenceFor()).name(lang)), lang);
                    }
                }
                suggestions.add(new Evaluation.Suggestion(s.ruleIds(), s.changes(), s.gain(), s.newTotal(), s.makesEligible(),
                        s.evidenceFor(), text));
            }
        }
        List<Evaluation.PendingAward> pending = new ArrayList<>(o.pending().size());
        for (Outcome.Pending p : o.pending()) {
            pending.add(pending(p, language, lang));
        }
        List<String> reasons = new ArrayList<>(o.review().flags().size());
        for (String flag : o.review().flags()) {
            var c = ruleBase.tables().flagConsequence(flag);
            reasons.add(this.reasons.render(ruleBase.messages().get(lang, "review." + c.consequence()),
                    Map.of("flag", texts.get(flag).title()[language]), lang));
        }
        return new Evaluation(null, o.applicationId(), o.title(), o.applicant(), o.program(), o.rulesetVersion(),
                o.totalScore(), o.maxScore(), o.grade(), o.eligible(), o.declaredScore(),
                new Evaluation.Review(o.review().required(), o.review().blocked(), List.copyOf(reasons)), rank, tieBreaks,
                dimensions, gates, flags, findings, pending, whyNots, suggestions);
    }

    /** A withheld award in words: each claim with what it lacks, each flag that holds it. */
    private Evaluation.PendingAward pending(Outcome.Pending p, int language, String lang) {
        List<String> parts = new ArrayList<>();
        List<String> claims = new ArrayList<>();
        for (org.policyevaluator.evidence.Evidence.Withheld w : p.claims()) {
            claims.add(w.claim());
            var claim = ruleBase.tables().evidenceClaims().get(w.claim());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("claim", claimName(w, lang));
            values.put("evidence", claim.name(lang));
            values.put("declared", w.declared());
            values.put("backed", w.backed());
            String key = w.declared() instanceof Integer && w.backed() > 0 ? "pending.evidence.count" : "pending.evidence.none";
            parts.add(reasons.render(ruleBase.messages().get(lang, key), values, lang));
        }
        if (!p.heldBy().isEmpty()) {
            List<String> flags = new ArrayList<>();
            p.heldBy().forEach(f -> flags.add(texts.get(f).title()[language]));
            parts.add(reasons.render(ruleBase.messages().get(lang, "pending.heldBy"),
                    Map.of("flags", String.join("en".equals(lang) ? "; " : "；", flags)), lang));
        }
        RuleTexts text = texts.get(p.ruleId());
        return new Evaluation.PendingAward(p.ruleId(), text.title()[language], text.rule().dimension(), p.points(),
                List.copyOf(claims), p.heldBy(), String.join("en".equals(lang) ? "; " : "；", parts));
    }

    /** A claim's name: the field's label, or for one code of a list, the code's name. */
    private String claimName(org.policyevaluator.evidence.Evidence.Withheld w, String lang) {
        FieldDef field = ruleBase.schema().field(w.claim());
        if (field != null) {
            return field.label(lang);
        }
        FieldDef list = ruleBase.schema().field(w.field());
        var code = list == null || list.codes() == null ? null : list.codes().code(String.valueOf(w.declared()));
        return code == null ? w.claim() : code.name(lang);
    }

    /** A suggestion to give the evidence that a claim already made lacks. */
    private String evidenceText(Outcome.Suggested s, String lang) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("evidence", ruleBase.tables().evidenceClaims().get(s.evidenceFor()).name(lang));
        values.put("gain", s.gain());
        values.put("rules", ruleNames(s.ruleIds(), lang));
        return reasons.render(ruleBase.messages().get(lang, s.makesEligible() ? "suggest.provideEligible" : "suggest.provide"),
                values, lang);
    }

    private String ruleNames(List<String> rules, String lang) {
        // Chinese names the rules by their titles: a Chinese reader gets no raw ids
        return "en".equals(lang) ? String.join(", ", rules)
                : String.join("、", rules.stream().map(id -> texts.get(id).title()[0]).toList());
    }

    private String suggestionText(Change change, BigDecimal gain, boolean makesEligible, List<String> rules, String lang) {
        FieldDef field = ruleBase.schema().field(change.field());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("field", field == null ? change.field() : field.label(lang));
        String style = field != null && field.isShare() ? "pct" : "name";
        values.put("value", reasons.format(change.value(), style, lang));
        values.put("gain", gain);
        values.put("rules", ruleNames(rules, lang));
        String key = makesEligible ? "suggest.eligible" : "suggest.gain";
        return reasons.render(ruleBase.messages().get(lang, key), values, lang);
    }

    /**
     * A rule with the clauses it cites, its title, its message (reason, gate failure or flag) and a gate's pass
     * text, [0] Chinese, [1] English: all that wording a finding needs, found with one lookup.
     */
    private record RuleTexts(RuleInfo rule, List<Evaluation.ClauseRef> clauses, String[] title, EvidenceTemplate[] message,
                             String[] pass) {
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
}
