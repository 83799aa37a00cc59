package org.policyevaluator.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
import org.policyevaluator.evaluation.Facts;
import org.policyevaluator.intake.ApplicationReader;
import org.policyevaluator.intake.ProblemTexts;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.FieldDef;
import org.slf4j.LoggerFactory;

/**
 * A compiled, checked ruleset: the Drools rule base, its reference tables, messages, clause catalogue
 * and rule catalogue, and the content hash that names this version. Immutable and thread-safe;
 * build one per rules folder and share it.
 *
 * <p>The Drools rule base comes, through the public Drools API, either from the executable model compiled
 * at build time ({@link PrecompiledRules}: when the DRL files are exactly the bundled ones, as for the
 * bundled rules), or from the DRL compiled at run time ({@link DrlCompiler}), whose problems name file and line.
 */
public final class RuleBase {
    private static final Pattern RULE_ID = Pattern.compile("^([A-Z]{2}-\\d{3})\\s+\\S.*");

    private final PolicyTables tables;
    private final ApplicationSchema schema;
    private final ApplicationReader reader;
    private final org.policyevaluator.evidence.Evidence evidence;
    private final ProblemTexts problemTexts;
    private final Messages messages;
    private final Map<String, RuleInfo> catalogue;
    private final String version;
    private final String origin;
    private final RuleFiles files;
    private final boolean precompiled;
    /**
     * Working memories kept for reuse: creating one costs about as much as running the rules on an
     * application, and a pooled one is reset after each use.
     */
    private final KieSessionsPool sessions;
    /** full rule name ("DC-010 Training compute ...") -> rule. */
    private final Map<String, RuleInfo> byName = new java.util.HashMap<>();
    /**
     * The knowledge base's own rule objects -> rule: a firing reports the same instance every time, and looking it up by
     * identity skips comparing its long name with the catalogue's. Filled once here, only read after.
     */
    private final Map<Rule, RuleInfo> byInstance = new java.util.IdentityHashMap<>();
    /** rule id -> {Chinese title, English title}, looked up for every finding. */
    private final Map<String, String[]> titles = new java.util.HashMap<>();

    private RuleBase(KieBase kieBase, boolean precompiled, PolicyTables tables, ApplicationSchema schema,
                     Messages messages, Map<String, RuleInfo> catalogue, String version, String origin, RuleFiles files) {
        this.tables = tables;
        this.schema = schema;
        this.evidence = new org.policyevaluator.evidence.Evidence(tables, schema);
        this.reader = new ApplicationReader(schema, evidence);
        this.problemTexts = new ProblemTexts(messages, schema);
        this.messages = messages;
        this.catalogue = catalogue;
        this.version = version;
        this.origin = origin;
        this.files = files;
        this.precompiled = precompiled;
        this.sessions = kieBase.newKieSessionsPool(1); // grows: one per thread evaluating at once
        catalogue.values().forEach(r -> byName.put(r.name(), r));
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                RuleInfo info = byName.get(r.getName());
                if (info != null) {
                    byInstance.put(r, info);
                }
            }
        }
        for (String id : catalogue.keySet()) {
            titles.put(id, new String[] {messages.get("zh", id + ".title"), messages.get("en", id + ".title")});
        }
    }

    /** A field, or one code of a list field's code table. */
    private static boolean isClaim(ApplicationSchema schema, String claim) {
        if (schema.field(claim) != null) {
            return true;
        }
        int dot = claim.lastIndexOf('.');
        FieldDef list = dot < 0 ? null : schema.field(claim.substring(0, dot));
        return list != null && list.codes() != null && list.codes().code(claim.substring(dot + 1)) != null;
    }

    public static RuleBase bundled() {
        RuleBase rules = build(RuleFiles.bundled());
        if (!rules.precompiled) {
            LoggerFactory.getLogger(RuleBase.class).warn("the bundled rules were compiled at start: no executable "
                    + "model compiled at build time fits them (" + PrecompiledRules.RESOURCE + "), which slows every start");
        }
        return rules;
    }

    public static RuleBase fromDirectory(Path dir) {
        return build(RuleFiles.fromDirectory(dir));
    }

    /**
     * Compiles and checks a ruleset; a {@link RuleBaseException} lists every problem with file and line.
     * DRL files identical to the bundled ones are not compiled again: their KieBase comes from the model
     * compiled at build time.
     */
    public static RuleBase build(RuleFiles files) {
        return build(files, true);
    }

    /** As {@link #build(RuleFiles)}; with usePrecompiled false the DRL is always compiled (the build step, tests). */
    static RuleBase build(RuleFiles files, boolean usePrecompiled) {
        PolicyTables tables = PolicyTables.load(files);
        ApplicationSchema schema = schema(files, tables);
        FactPaths.check(files, schema);
        Messages messages = Messages.load(files);
        KieBase kieBase = usePrecompiled ? PrecompiledRules.load(files) : null;
        boolean precompiled = kieBase != null;
        // the precompiled model passed the same checks at build time: its DRL is the same, byte for byte
        Map<String, Integer> conditions = null;
        if (!precompiled) {
            kieBase = DrlCompiler.compile(files);
            conditions = LhsShape.conditions(files);
        }
        Map<String, RuleInfo> catalogue = catalogue(files, kieBase, conditions, tables, schema);
        return new RuleBase(kieBase, precompiled, tables, schema, messages, catalogue, files.sha256(), files.origin(), files);
    }

    /** The application schema, checked against the tables that name fields (programmes, suggestions). */
    private static ApplicationSchema schema(RuleFiles files, PolicyTables tables) {
        List<String> problems = new ArrayList<>();
        ApplicationSchema schema = ApplicationSchema.load(files.text(ApplicationSchema.FILE), tables::codeTable, problems);
        problems.addAll(tables.problems());
        if (schema != null) {
            for (Programme p : tables.programmes().values()) {
                for (String field : p.requiredFields()) {
                    if (schema.field(field) == null) {
                        problems.add("tables/programs.csv: programme " + p.id() + " requires " + field
                                + ", which is not a field of " + ApplicationSchema.FILE);
                    }
                }
            }
            for (PolicyTables.SuggestionRule s : tables.suggestions()) {
                if (schema.field(s.field()) == null) {
                    problems.add("tables/suggestions.csv: rule " + s.rule() + ": field '" + s.field()
                            + "' is not a field of " + ApplicationSchema.FILE);
                }
            }
            Map<String, PolicyTables.EvidenceClaim> claims = tables.evidenceClaims();
            for (PolicyTables.EvidenceClaim c : claims.values()) {
                if (!isClaim(schema, c.claim())) {
                    problems.add("tables/evidence.csv: claim '" + c.claim() + "' is neither a field of " + ApplicationSchema.FILE
                            + " nor one code of a list field (applicant.qualifications.LITTLE_GIANT)");
                }
            }
            for (PolicyTables.OfficialList l : tables.officialLists()) {
                PolicyTables.EvidenceClaim c = claims.get(l.claim());
                if (c == null || !c.kind().equals("listing")) {
                    problems.add("tables/official-lists.csv: list " + l.name() + " backs '" + l.claim()
                            + "', which is not a claim of kind listing in tables/evidence.csv");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(files.origin(), problems);
        }
        return schema;
    }

    /** conditions: rule name -> number of LHS conditions, where the DRL was compiled here (else not checked again). */
    private static Map<String, RuleInfo> catalogue(RuleFiles files, KieBase kieBase, Map<String, Integer> conditions,
                                                   PolicyTables tables, ApplicationSchema schema) {
        List<String> problems = new ArrayList<>();
        Map<String, String> sources = RuleSources.files(files);
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        List<Rule> all = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            all.addAll(p.getRules());
        }
        all.sort(Comparator.comparing(Rule::getName));
        for (Rule r : all) {
            Matcher m = RULE_ID.matcher(r.getName());
            if (!m.matches()) {
                problems.add("rule \"" + r.getName() + "\": its name must start with an id such as DC-010");
                continue;
            }
            String id = m.group(1).intern(); // the same instance as the tables' rule ids: cheaper map lookups
            Map<String, Object> meta = r.getMetaData();
            String kind = meta(meta, "kind");
            String dimension = meta(meta, "dimension");
            String file = sources.get(r.getName());
            String where = (file != null ? file + ": " : "") + "rule " + id;
            List<String> clauses = new ArrayList<>();
            String cited = meta(meta, "clauses");
            if (cited != null) {
                for (String c : cited.split(",")) {
                    if (!c.isBlank()) {
                        clauses.add(c.trim());
                    }
                }
            }
            if (rules.containsKey(id)) {
                problems.add(where + ": id used twice");
            }
            if (!List.of(RuleInfo.SCORE, RuleInfo.GATE, RuleInfo.FLAG).contains(kind)) {
                problems.add(where + ": @kind must be score, gate or flag, not " + kind);
            }
            if (RuleInfo.SCORE.equals(kind)) {
                if (dimension == null || !tables.dimensions().containsKey(dimension)) {
                    problems.add(where + ": @dimension '" + dimension + "' is not in tables/dimensions.csv");
                }
                if (!tables.hasScoring(id)) {
                    problems.add(where + ": no rows in tables/scoring.csv");
                }
            }
            if (clauses.isEmpty()) {
                problems.add(where + ": cites no clause (@clauses)");
            }
            Integer lhs = conditions == null ? null : conditions.get(r.getName());
            if (lhs != null && lhs != 1) {
                // a batch puts several applications' facts in one session: a second pattern would pair them up
                problems.add(where + ": must match a single Facts pattern (it has " + lhs + " conditions)");
            }
            for (String c : clauses) {
                if (!tables.clauses().containsKey(c)) {
                    problems.add(where + ": cites clause " + c + ", which is not in clauses.csv");
                }
            }
            Map<String, String> quotes = new LinkedHashMap<>();
            String quoted = meta(meta, "quotes");
            if (quoted != null) {
                for (String entry : quoted.split("\\|")) {
                    int eq = entry.indexOf('=');
                    String clause = eq < 0 ? "" : entry.substring(0, eq).trim();
                    if (eq < 0 || !clauses.contains(clause)) {
                        problems.add(where + ": @quotes entry '" + entry.trim()
                                + "' must be CLAUSE=phrase for a clause the rule cites");
                        continue;
                    }
                    quotes.put(clause, entry.substring(eq + 1).trim());
                }
            }
            String basis = meta(meta, "basis") == null ? RuleInfo.POLICY : meta(meta, "basis");
            if (!List.of(RuleInfo.POLICY, RuleInfo.PROGRAMME).contains(basis)) {
                problems.add(where + ": @basis must be policy or programme, not " + basis);
            }
            if (RuleInfo.FLAG.equals(kind) && tables.flagConsequence(id) == null) {
                problems.add(where + ": no row in tables/flags.csv (its consequence: note, check, hold or block)");
            }
            // interned, as the schema's paths and the rule files' literals are: a field is then found by identity
            String measure = meta(meta, "measure");
            measure = measure == null ? null : measure.intern();
            if (measure != null && schema.field(measure) == null && !Facts.isDerived(measure)) {
                problems.add(where + ": @measure names " + measure + ", which is neither a field of "
                        + ApplicationSchema.FILE + " nor a derived fact");
            }
            rules.put(id, new RuleInfo(id, r.getName(), kind, dimension, List.copyOf(clauses),
                    Collections.unmodifiableMap(quotes), meta(meta, "severity"), meta(meta, "exclusive"),
                    meta(meta, "requiresParameter"), measure, file, basis, rules.size()));
        }
        for (PolicyTables.FlagConsequence c : tables.flagConsequences().values()) {
            RuleInfo info = rules.get(c.rule());
            if (info == null || !info.isFlag()) {
                problems.add("tables/flags.csv: rule " + c.rule() + " is not a flag rule in any .drl file");
            }
            for (String held : c.holds()) {
                RuleInfo h = rules.get(held);
                if (h == null || !h.isScore()) {
                    problems.add("tables/flags.csv: rule " + c.rule() + " holds " + held + ", which is not a score rule");
                }
            }
        }
        for (String scored : tables.scoredRuleIds()) {
            RuleInfo info = rules.get(scored);
            if (info == null || !info.isScore()) {
                problems.add("tables/scoring.csv: rule " + scored + " is not a score rule in any .drl file");
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(files.origin(), problems);
        }
        return Collections.unmodifiableMap(rules);
    }

    private static String meta(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** A stateless session over this rule base, whose working memory comes from the pool. */
    public StatelessKieSession newSession() {
        return sessions.newStatelessKieSession();
    }

    public PolicyTables tables() {
        return tables;
    }

    /** The application format of this ruleset (schema/application.schema.json). */
    public ApplicationSchema schema() {
        return schema;
    }

    /** Validates and binds applications against {@link #schema()}. */
    /** What the applications' claims stand on (tables/evidence.csv, tables/official-lists.csv). */
    public org.policyevaluator.evidence.Evidence evidence() {
        return evidence;
    }

    public ApplicationReader reader() {
        return reader;
    }

    /** Words input problems in Chinese or English. */
    public ProblemTexts problemTexts() {
        return problemTexts;
    }

    public Messages messages() {
        return messages;
    }

    /** Every rule by id, in id order. */
    public Map<String, RuleInfo> catalogue() {
        return catalogue;
    }

    public RuleInfo rule(String id) {
        return catalogue.get(id);
    }

    /** The rule a firing reports ({@code kcontext.getRule()}); one the knowledge base did not list is found by name. */
    public RuleInfo ruleOf(Rule rule) {
        RuleInfo info = byInstance.get(rule);
        return info != null ? info : byName.get(rule.getName());
    }

    /** The content hash of the rule files ("sha256:..."), carried by every evaluation. */
    public String version() {
        return version;
    }

    public String origin() {
        return origin;
    }

    /**
     * Whether the Drools rule base came from the executable model compiled at build time (true), or from
     * the DRL compiled when this rule base was built (false).
     */
    public boolean precompiled() {
        return precompiled;
    }

    /** The files this rule base was built from, e.g. to store them content-addressed. */
    public RuleFiles files() {
        return files;
    }

    public String title(String ruleId, String lang) {
        String[] t = titles.get(ruleId);
        return t == null ? messages.get(lang, ruleId + ".title") : t["en".equals(lang) ? 1 : 0];
    }
}
