package org.policyevaluator.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.ApplicationEditor.Change;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.FieldType;
import org.policyevaluator.rules.Band;
import org.policyevaluator.rules.PolicyTables.SuggestionRule;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleInfo;

/**
 * Finds changes that would raise an application's score, from the changes a project can make
 * (tables/suggestions.csv): for a banded rule the threshold of the next band up (the smallest change
 * that reaches a band) and of the top band; for a yes/no rule the yes. Every candidate is applied and
 * the changed application evaluated; only those that gain points (or restore eligibility) without
 * failing a gate that passed or raising a new flag are kept, with the gain the engine gave.
 */
final class SuggestionFinder {
    private final Evaluator evaluator;
    private final RuleBase ruleBase;
    private final ApplicationEditor editor;

    SuggestionFinder(Evaluator evaluator) {
        this.evaluator = evaluator;
        this.ruleBase = evaluator.ruleBase();
        this.editor = new ApplicationEditor(ruleBase);
    }

    List<Outcome.Suggested> suggest(Application app, Outcome base) {
        String program = base.program();
        Map<List<Change>, List<String>> candidates = new LinkedHashMap<>();
        Set<String> failedGates = new HashSet<>();
        base.gates().stream().filter(g -> !g.passed()).forEach(g -> failedGates.add(g.ruleId()));
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        base.findings().forEach(f -> points.put(f.ruleId(), f.points()));
        for (SuggestionRule s : ruleBase.tables().suggestions()) {
            RuleInfo rule = ruleBase.rule(s.rule());
            if (rule == null) {
                continue;
            }
            boolean wanted = rule.isGate() ? failedGates.contains(rule.id())
                    : rule.isScore() && points.getOrDefault(rule.id(), BigDecimal.ZERO)
                            .compareTo(evaluator.maxPoints(rule.id(), program)) < 0;
            if (!wanted) {
                continue;
            }
            FieldDef field = ruleBase.schema().field(s.field());
            for (Object value : values(s, field, app, program)) {
                if (!value.equals(app.get(s.field()))) {
                    candidates.computeIfAbsent(List.of(new Change(s.field(), value)), k -> new ArrayList<>()).add(rule.id());
                }
            }
        }
        List<Outcome.Suggested> out = new ArrayList<>();
        Set<String> baseFlags = new HashSet<>();
        base.flags().forEach(f -> baseFlags.add(f.ruleId()));
        // every changed application that is valid, evaluated together in one rule session
        List<Map.Entry<List<Change>, List<String>>> tried = new ArrayList<>();
        List<Application> changed = new ArrayList<>();
        for (var c : candidates.entrySet()) {
            try {
                changed.add(editor.apply(app, c.getKey()));
                tried.add(c);
            } catch (ApplicationEditor.InvalidChange invalid) {
                // a change the application cannot take is not suggested
            }
        }
        List<Outcome> evaluated = changed.isEmpty() ? List.of() : evaluator.decideAll(changed, program);
        for (int i = 0; i < tried.size(); i++) {
            var c = tried.get(i);
            Outcome after = evaluated.get(i);
            String evidenceFor = evidenceClaim(c.getKey().get(0), program);
            // a claim that takes evidence gains once the evidence is given: what it gains as declared
            BigDecimal gain = evidenceFor == null ? Evaluator.tidy(after.totalScore().subtract(base.totalScore()))
                    : Evaluator.tidy(after.declaredScore().subtract(base.declaredScore()));
            BigDecimal newTotal = evidenceFor == null ? after.totalScore() : Evaluator.tidy(base.totalScore().add(gain));
            boolean makesEligible = !base.eligible() && after.eligible();
            boolean breaksGate = after.gates().stream().anyMatch(g -> !g.passed() && !failedGates.contains(g.ruleId()));
            boolean newFlag = after.flags().stream().anyMatch(f -> !baseFlags.contains(f.ruleId()));
            if (breaksGate || newFlag || (gain.signum() <= 0 && !makesEligible)) {
                continue;
            }
            out.add(new Outcome.Suggested(List.copyOf(c.getValue()), c.getKey(), gain, newTotal, makesEligible, evidenceFor));
        }
        out.addAll(evidenceOnly(app, base, program));
        // what restores eligibility first, then what the project can do at once, then what also needs evidence
        out.sort(Comparator.comparing(Outcome.Suggested::makesEligible).reversed()
                .thenComparing(s -> s.evidenceFor() != null)
                .thenComparing(Outcome.Suggested::gain, Comparator.reverseOrder())
                .thenComparing(s -> s.changes().isEmpty() ? "" : s.changes().get(0).field())
                .thenComparing(s -> s.changes().isEmpty() ? s.evidenceFor() : String.valueOf(s.changes().get(0).value())));
        return out;
    }

    /**
     * Points withheld for want of evidence, one suggestion per claim: give the evidence, change nothing. Each
     * gain is verified by evaluating the application as it would stand with that claim's evidence.
     */
    private List<Outcome.Suggested> evidenceOnly(Application app, Outcome base, String program) {
        Map<String, List<String>> rulesByClaim = new java.util.TreeMap<>();
        for (Outcome.Pending p : base.pending()) {
            if (p.heldBy().isEmpty()) {
                p.claims().forEach(w -> rulesByClaim.computeIfAbsent(w.claim(), k -> new ArrayList<>()).add(p.ruleId()));
            }
        }
        List<String> claims = List.copyOf(rulesByClaim.keySet());
        List<Application> backed = claims.stream().map(app::assumingEvidence).toList();
        List<Outcome> evaluated = backed.isEmpty() ? List.of() : evaluator.decideAll(backed, program);
        List<Outcome.Suggested> out = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            Outcome after = evaluated.get(i);
            BigDecimal gain = Evaluator.tidy(after.totalScore().subtract(base.totalScore()));
            boolean makesEligible = !base.eligible() && after.eligible();
            if (gain.signum() > 0 || makesEligible) {
                out.add(new Outcome.Suggested(List.copyOf(rulesByClaim.get(claims.get(i))), List.of(), gain,
                        after.totalScore(), makesEligible, claims.get(i)));
            }
        }
        return out;
    }

    /** The claim a change makes that its programme asks evidence for (the field, or field.CODE added to a list), or null. */
    private String evidenceClaim(Change change, String program) {
        var claims = ruleBase.tables().evidenceClaims();
        var claim = claims.get(change.field());
        if (claim != null && claim.programs().contains(program)) {
            return claim.claim();
        }
        if (change.value() instanceof List<?> codes) {
            for (Object code : codes) {
                var c = claims.get(change.field() + "." + code);
                if (c != null && c.programs().contains(program)) {
                    return c.claim();
                }
            }
        }
        return null;
    }

    /** The values worth trying for one row of the suggestions table. */
    private List<Object> values(SuggestionRule s, FieldDef field, Application app, String program) {
        Object current = app.get(s.field());
        if (s.setValue() != null) {
            Object v = ApplicationEditor.parseValue(field, s.setValue());
            // "set:1" on a count means "at least 1": never suggest lowering a count
            if (v instanceof Number n && current instanceof Number c && c.doubleValue() >= n.doubleValue()) {
                return List.of();
            }
            return List.of(v);
        }
        List<Band> bands = ruleBase.tables().bands(s.rule(), program).stream().filter(Band::banded).toList();
        if (bands.isEmpty()) {
            return List.of();
        }
        List<Object> values = new ArrayList<>();
        Band next = null;
        for (Band b : bands) { // best first: keep the worst band the current value does not reach
            if (!reaches(current, b)) {
                next = b;
            }
        }
        if (next != null) {
            values.add(valueFor(field, current, next));
            if (next != bands.get(0)) {
                values.add(valueFor(field, current, bands.get(0)));
            }
        }
        return values;
    }

    private static boolean reaches(Object current, Band b) {
        if (current instanceof List<?> list) {
            return b.admits(list.size());
        }
        return current instanceof Number n && b.admits(n.doubleValue());
    }

    /**
     * The smallest value of the field that reaches the band: the threshold, whole for a whole number; for a
     * list of codes, the codes declared and then the table's next ones until the list is long enough.
     */
    private static Object valueFor(FieldDef field, Object current, Band band) {
        if (field.type() == FieldType.CODE_LIST) {
            List<String> codes = new ArrayList<>();
            if (current instanceof List<?> list) {
                list.forEach(o -> codes.add(o.toString()));
            }
            for (String code : field.codes().values()) {
                if (codes.size() >= band.threshold()) {
                    break;
                }
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
            return codes;
        }
        if (field.type() == FieldType.INTEGER) {
            return (int) Math.ceil(band.threshold());
        }
        return BigDecimal.valueOf(band.threshold()).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().doubleValue();
    }
}
