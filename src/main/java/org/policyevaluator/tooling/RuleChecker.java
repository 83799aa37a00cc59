package org.policyevaluator.tooling;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.FieldType;
import org.policyevaluator.rules.Band;
import org.policyevaluator.rules.Messages;
import org.policyevaluator.rules.Programme;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleFiles;
import org.policyevaluator.rules.RuleInfo;

/**
 * Checks a ruleset beyond what it takes to compile it (building it already checks ids, dimensions,
 * cited clauses and table cells): messages in both languages, every dimension's maximum reachable in
 * every programme, bands inside the domain of what they measure, no rule that never fires on probe
 * applications spanning the field domains, and every clause of the owner's priorities encoded; given the
 * policy source text, every quote found there ({@link #quotesInSource}).
 */
public final class RuleChecker {

    /** One check and its outcome, before they are put into words; {@code said} is empty when it passed. */
    public record Check(Said title, List<Said> said) {
        public boolean passed() {
            return said.isEmpty();
        }

        /** What was checked, in English. */
        public String name() {
            return title.in("en");
        }

        /** Its problems, in English. */
        public List<String> problems() {
            return problems("en");
        }

        public List<String> problems(String lang) {
            return said.stream().map(p -> p.in(lang)).toList();
        }
    }

    private final RuleBase ruleBase;
    private final Evaluator evaluator;
    private final RuleFiles files;

    public RuleChecker(RuleFiles files) {
        this.files = files;
        this.ruleBase = RuleBase.build(files);
        this.evaluator = new Evaluator(ruleBase);
    }

    public RuleBase ruleBase() {
        return ruleBase;
    }

    public List<Check> run() {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(Said.of("check.compiles"), List.of()));
        checks.add(messages());
        checks.add(maximaReachable());
        checks.add(bandsInDomain());
        checks.add(everyRuleCanFire());
        checks.add(prioritiesCovered());
        return checks;
    }

    /** The check that {@code rules check --source} adds: {@link SourceCheck} over this ruleset. */
    public Check quotesInSource(SourceCheck source, String sourceName) {
        return new Check(Said.of("check.quotes", sourceName), source.said(ruleBase));
    }

    private Check messages() {
        List<Said> problems = new ArrayList<>();
        for (String lang : Messages.LANGUAGES) {
            for (RuleInfo r : ruleBase.catalogue().values()) {
                List<String> keys = new ArrayList<>(List.of(r.id() + ".title"));
                if (r.isScore()) {
                    keys.add(r.id() + ".reason");
                    keys.add(r.measure() != null ? r.id() + ".measure" : r.id() + ".whynot");
                } else if (r.isGate()) {
                    keys.addAll(List.of(r.id() + ".pass", r.id() + ".fail"));
                } else {
                    keys.add(r.id() + ".message");
                }
                for (String key : keys) {
                    boolean lowerOfGroup = key.endsWith(".whynot") && r.exclusiveGroup() != null;
                    if (ruleBase.messages().find(lang, key) == null && !lowerOfGroup) {
                        problems.add(Said.of("messages.missing", lang, key));
                    }
                }
            }
        }
        // every other text (intake's problems, words for values, suggestions) in both languages too
        for (String lang : Messages.LANGUAGES) {
            String other = lang.equals("zh") ? "en" : "zh";
            for (String key : new java.util.TreeSet<>(ruleBase.messages().keys(other))) {
                if (ruleBase.messages().find(lang, key) == null) {
                    problems.add(Said.of("messages.missingOther", lang, key, other));
                }
            }
        }
        return new Check(Said.of("check.messages"), problems);
    }

    private Check maximaReachable() {
        List<Said> problems = new ArrayList<>();
        for (Programme p : ruleBase.tables().programmes().values()) {
            for (var w : p.weights().entrySet()) {
                if (w.getValue().signum() > 0 && evaluator.baseMaximum(p.id(), w.getKey()).signum() == 0) {
                    problems.add(Said.of("maxima.unreachable", p.id(), w.getKey(), w.getValue()));
                }
            }
        }
        return new Check(Said.of("check.maxima"), problems);
    }

    private Check bandsInDomain() {
        List<Said> problems = new ArrayList<>();
        for (RuleInfo r : ruleBase.catalogue().values()) {
            if (r.measure() == null) {
                continue;
            }
            double[] domain = domain(r.measure());
            for (Programme p : ruleBase.tables().programmes().values()) {
                for (Band b : ruleBase.tables().bands(r.id(), p.id())) {
                    boolean unreachable = b.banded() && (b.op().equals(">=") ? b.threshold() > domain[1] : b.threshold() < domain[0]);
                    if (unreachable) {
                        problems.add(Said.of("bands.unreachable", r.id(), p.id(), b.op(), b.threshold(), r.measure(), domain[0],
                                domain[1] == Double.MAX_VALUE ? Said.of("infinity") : domain[1]));
                    }
                }
            }
        }
        return new Check(Said.of("check.bands"), problems);
    }

    /**
     * What a banded measure can be: a field's range from the schema (a list of codes: 0 to the number of codes),
     * a derived share 0 to 1 (self-funding excepted: it may exceed the budget), any other derived fact 0 or more.
     */
    private double[] domain(String measure) {
        FieldDef f = ruleBase.schema().field(measure);
        if (f != null) {
            if (f.type() == FieldType.CODE_LIST) {
                return new double[] {0, f.codes().codes().size()};
            }
            return new double[] {f.minimum() == null ? 0 : f.minimum(), f.maximum() == null ? Double.MAX_VALUE : f.maximum()};
        }
        boolean share = measure.endsWith("Share") && !measure.equals("derived.selfFundedShare");
        return new double[] {0, share ? 1 : Double.MAX_VALUE};
    }

    private Check everyRuleCanFire() {
        Set<String> fired = new HashSet<>();
        for (Programme p : ruleBase.tables().programmes().values()) {
            for (var app : Probes.applications(ruleBase)) {
                Evaluation e = evaluator.evaluate(app, p.id(), "en");
                e.findings().forEach(f -> fired.add(f.ruleId()));
                e.pending().forEach(f -> fired.add(f.ruleId())); // fired as declared; withheld for lack of evidence
                e.gates().stream().filter(g -> !g.passed()).forEach(g -> fired.add(g.ruleId()));
                e.flags().forEach(f -> fired.add(f.ruleId()));
            }
        }
        List<Said> problems = new ArrayList<>();
        for (RuleInfo r : ruleBase.catalogue().values()) {
            if (!fired.contains(r.id())) {
                problems.add(Said.of("fire.never", r.id(), Probes.applications(ruleBase).size()));
            }
        }
        return new Check(Said.of("check.fire"), problems);
    }

    private Check prioritiesCovered() {
        List<Said> problems = new ArrayList<>();
        String text = files.text("tables/priorities.csv");
        if (text == null) {
            return new Check(Said.of("check.priorities.missing"), List.of(Said.of("priorities.missing")));
        }
        Set<String> cited = new TreeSet<>();
        ruleBase.catalogue().values().stream().filter(RuleInfo::isScore).forEach(r -> cited.addAll(r.clauses()));
        try {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                    .parse(new StringReader(text))) {
                if (!cited.contains(row.get("clause"))) {
                    problems.add(Said.of("priorities.uncited", row.get("priority"), row.get("clause")));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            problems.add(Said.of("priorities.unreadable", e.getMessage()));
        }
        return new Check(Said.of("check.priorities"), problems);
    }
}
