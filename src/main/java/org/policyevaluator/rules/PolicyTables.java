package org.policyevaluator.rules;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.policyevaluator.model.CodeTable;

/**
 * The reference tables of a ruleset (the CSV files under tables/): chip registry, technology tiers,
 * sector categories, qualifications, dimensions, programmes, parameters and scoring bands.
 * Immutable once loaded; shared by every evaluation and read by the rules through the global
 * {@code policy}.
 */
public final class PolicyTables {

    /** A card of the registry: whether it is domestic, whether it is made for training, its relative compute. */
    public record ChipModel(String model, String vendor, boolean domestic, boolean training, double relativeCompute) {
    }

    /** A rewrite applied to a chip name before it is looked up (tables/chip-words.csv): vendor names, memory sizes, form factors. */
    private record ChipWord(java.util.regex.Pattern pattern, String replacement) {
    }

    private final List<ChipWord> chipWords = new ArrayList<>();

    /**
     * A change a project can make to earn a rule's points (tables/suggestions.csv): {@code band} sets the
     * field to the threshold of a better band; {@code set:VALUE} sets it to a JSON value.
     */
    public record SuggestionRule(String rule, String field, String change) {
        public boolean band() {
            return change.equals("band");
        }

        public String setValue() {
            return change.startsWith("set:") ? change.substring(4) : null;
        }
    }

    /**
     * A claim that takes evidence (tables/evidence.csv): the field path, or path.CODE for one code of a list
     * ("applicant.qualifications.LITTLE_GIANT"); the kind of reference it takes; the programmes that require it.
     */
    public record EvidenceClaim(String claim, String kind, List<String> programs, String nameZh, String nameEn) {
        public String name(String lang) {
            return "en".equals(lang) ? nameEn : nameZh;
        }
    }

    /** A recognised official list (tables/official-lists.csv): its name and aliases, the claim it backs, its issuer and years. */
    public record OfficialList(String name, List<String> aliases, String claim, String issuer, java.util.Set<Integer> years) {
    }

    /** What a flag does (tables/flags.csv): note, check, hold the points of the rules it doubts, or block eligibility. */
    public record FlagConsequence(String rule, String consequence, List<String> holds) {
        public static final List<String> KINDS = List.of("note", "check", "hold", "block");

        /** Whether a reviewer must look before the score stands. */
        public boolean needsReview() {
            return consequence.equals("hold") || consequence.equals("block");
        }
    }

    /** The kinds of reference a claim may take (checked by org.policyevaluator.evidence.References). */
    public static final List<String> EVIDENCE_KINDS = List.of("patent", "softwareCopyright", "standard", "listing", "document");

    private final Map<String, EvidenceClaim> evidenceClaims = new LinkedHashMap<>();
    private final List<OfficialList> officialLists = new ArrayList<>();
    private final Map<String, FlagConsequence> flagConsequences = new LinkedHashMap<>();

    private final Map<String, ChipModel> chipsByName = new LinkedHashMap<>();
    private final List<ChipModel> chips = new ArrayList<>();
    /** Code tables by name (tables/NAME.csv), read when the schema asks for them. */
    private final Map<String, CodeTable> codeTables = new LinkedHashMap<>();
    private RuleFiles files;
    private final Map<String, Dimension> dimensions = new LinkedHashMap<>();
    private final Map<String, Programme> programmes = new LinkedHashMap<>();
    /** The programmes marked default in tables/programs.csv: exactly one is allowed. */
    private final List<String> defaults = new ArrayList<>();
    private final Map<String, Map<String, Double>> parameters = new LinkedHashMap<>();
    /** rule id -> programme id ("*" for all) -> bands, best first. */
    private final Map<String, Map<String, List<Band>>> scoring = new LinkedHashMap<>();
    /** How many rows tables/scoring.csv has (each band's ordinal is below it). */
    private int bandCount;
    private final Map<String, Clause> clauses = new LinkedHashMap<>();
    private final List<SuggestionRule> suggestions = new ArrayList<>();

    private final List<String> problems = new ArrayList<>();

    static PolicyTables load(RuleFiles files) {
        PolicyTables t = new PolicyTables();
        t.files = files;
        t.read(files, "clauses.csv", t::clause);
        t.read(files, "tables/dimensions.csv", r -> t.dimensions.put(r.get("dimension"),
                new Dimension(r.get("dimension"), r.get("nameZh"), r.get("nameEn"))));
        if (files.text("tables/chip-words.csv") != null) {
            t.read(files, "tables/chip-words.csv", r -> t.chipWords.add(new ChipWord(
                    java.util.regex.Pattern.compile(r.get("pattern")), r.get("replacement"))));
        }
        t.read(files, "tables/chips.csv", t::chip);
        t.codeTable("sectors"); // programmes name their required sectors
        t.read(files, "tables/parameters.csv", r -> t.parameters
                .computeIfAbsent(r.get("program").intern(), k -> new LinkedHashMap<>()).put(r.get("key"), t.number(r, "value")));
        t.read(files, "tables/programs.csv", t::programme);
        if (t.defaults.size() != 1 && !t.programmes.isEmpty()) {
            t.problems.add("tables/programs.csv: exactly one programme must be the default (column default = yes), not "
                    + (t.defaults.isEmpty() ? "none" : String.join(", ", t.defaults)));
        }
        t.read(files, "tables/scoring.csv", t::band);
        t.read(files, "tables/evidence.csv", t::evidenceClaim);
        t.read(files, "tables/official-lists.csv", t::officialList);
        t.read(files, "tables/flags.csv", t::flagConsequence);
        t.read(files, "tables/suggestions.csv", r -> {
            String change = r.get("change");
            if (!change.equals("band") && !change.startsWith("set:")) {
                throw new IllegalArgumentException("change '" + change + "': expected band or set:VALUE");
            }
            // that the field is one of the application's is checked against the schema (RuleBase)
            t.suggestions.add(new SuggestionRule(r.get("rule"), r.get("field"), change));
        });
        t.scoring.values().forEach(byProgramme -> byProgramme.values()
                .forEach(bands -> bands.sort(Comparator.comparing(Band::points).reversed())));
        if (!t.problems.isEmpty()) {
            throw new RuleBaseException(files.origin(), t.problems);
        }
        return t;
    }

    /** Problems found reading tables after loading (code tables the schema asked for); empty when none. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    // ---- what the rules call ----

    /** Each programme's parameters, worked out once: the rules ask for them at every evaluation. */
    private final Map<String, Map<String, Double>> resolvedParameters = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A programme's parameters by key: its columns in programs.csv, else tables/parameters.csv for it, else for "*";
     * a key not set is absent.
     */
    public Map<String, Double> parameters(String program) {
        Map<String, Double> known = resolvedParameters.get(program);
        if (known != null) {
            return known;
        }
        // kept only for the programmes there are, so that asking with any other name adds nothing
        return programmes.containsKey(program) ? resolvedParameters.computeIfAbsent(program, this::resolveParameters)
                : resolveParameters(program);
    }

    private Map<String, Double> resolveParameters(String program) {
        Map<String, Double> m = new java.util.HashMap<>(parameters.getOrDefault("*", Map.of()));
        m.putAll(parameters.getOrDefault(program, Map.of()));
        Programme p = programmes.get(program);
        if (p != null) {
            m.putAll(p.parameters());
        }
        return Collections.unmodifiableMap(m);
    }

    /** A programme's parameter (programme columns, then tables/parameters.csv for it, then for "*"). */
    public double num(String program, String key) {
        Double v = parameters(program).get(key);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + key + "' for programme " + program
                    + " in tables/programs.csv or tables/parameters.csv");
        }
        return v;
    }

    /** Whether a programme sets a parameter at all (a numeric one, or its required sectors). */
    public boolean has(String program, String key) {
        Programme p = programmes.get(program);
        if (p == null) {
            return false;
        }
        if (key.equals("requiredSectors")) {
            return !p.requiredSectors().isEmpty();
        }
        return parameters(program).containsKey(key);
    }

    public List<String> requiredSectors(String program) {
        Programme p = programmes.get(program);
        return p == null ? List.of() : p.requiredSectors();
    }

    // ---- what Java reads ----

    /** The bands of a rule for a programme: the programme's own rows if it has any, else the rows for "*". */
    public List<Band> bands(String ruleId, String program) {
        Map<String, List<Band>> byProgramme = scoring.getOrDefault(ruleId, Map.of());
        List<Band> own = byProgramme.get(program);
        return own != null ? own : byProgramme.getOrDefault("*", List.of());
    }

    public BigDecimal maxPoints(String ruleId, String program) {
        return bands(ruleId, program).stream().map(Band::points).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
    }

    /** How many rows tables/scoring.csv has: every {@link Band#ordinal()} is below it. */
    public int bandCount() {
        return bandCount;
    }

    public boolean hasScoring(String ruleId) {
        return scoring.containsKey(ruleId);
    }

    public List<SuggestionRule> suggestions() {
        return Collections.unmodifiableList(suggestions);
    }

    public java.util.Set<String> scoredRuleIds() {
        return Collections.unmodifiableSet(scoring.keySet());
    }

    /** The registry entry for a chip model as an applicant writes it, or null when it is unknown. */
    public ChipModel chip(String model) {
        if (model == null) {
            return null;
        }
        String key = normalisedNames.get(model);
        if (key == null) {
            key = normalise(model);
            if (normalisedNames.size() < 10_000) {
                normalisedNames.put(model, key);
            }
        }
        return chipsByName.get(key);
    }

    /** Chip names as applicants write them, normalised once: the same few names recur in every batch. */
    private final Map<String, String> normalisedNames = new java.util.concurrent.ConcurrentHashMap<>();

    public List<ChipModel> chips() {
        return Collections.unmodifiableList(chips);
    }

    /**
     * The code table tables/NAME.csv (first column the code, then nameZh and nameEn, then any attributes),
     * or null when there is no such file or it lacks those columns. Read once; a malformed one is a problem of
     * the ruleset.
     */
    public CodeTable codeTable(String name) {
        if (codeTables.containsKey(name)) {
            return codeTables.get(name);
        }
        String rel = "tables/" + name + ".csv";
        List<CodeTable.Code> codes = new ArrayList<>();
        boolean[] usable = {true};
        if (files == null || files.text(rel) == null) {
            codeTables.put(name, null);
            return null;
        }
        read(files, rel, r -> {
            List<String> header = r.getParser().getHeaderNames();
            if (!header.contains("nameZh") || !header.contains("nameEn")) {
                usable[0] = false;
                return;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String column : header.subList(1, header.size())) {
                if (!column.equals("nameZh") && !column.equals("nameEn")) {
                    attributes.put(column.intern(), r.get(column)); // as the rules' literals are
                }
            }
            String code = r.get(0);
            if (code.isBlank()) {
                throw new IllegalArgumentException("a code table row needs a code in its first column");
            }
            codes.add(new CodeTable.Code(code.intern(), r.get("nameZh"), r.get("nameEn"),
                    Collections.unmodifiableMap(attributes)));
        });
        CodeTable table = usable[0] ? new CodeTable(name, codes) : null;
        codeTables.put(name, table);
        return table;
    }

    /** The code tables read so far (those the schema names), by name. */
    public Map<String, CodeTable> codeTables() {
        Map<String, CodeTable> m = new LinkedHashMap<>();
        codeTables.forEach((k, v) -> {
            if (v != null) {
                m.put(k, v);
            }
        });
        return Collections.unmodifiableMap(m);
    }

    public Map<String, Dimension> dimensions() {
        return Collections.unmodifiableMap(dimensions);
    }

    public Map<String, Programme> programmes() {
        return Collections.unmodifiableMap(programmes);
    }

    public Programme programme(String id) {
        return programmes.get(id);
    }

    /** The name of a programme in the language; its id when the ruleset does not know it. */
    public String programmeName(String id, String lang) {
        Programme p = id == null ? null : programmes.get(id);
        return p == null ? id : p.name(lang);
    }

    /** The programme an application is evaluated under when neither the request nor the application names one. */
    public String defaultProgramme() {
        return defaults.get(0);
    }

    public Map<String, Clause> clauses() {
        return Collections.unmodifiableMap(clauses);
    }

    // ---- parsing ----

    /**
     * A chip name as it is looked up: lower case, the rewrites of tables/chip-words.csv applied (华为昇腾 to
     * ascend, vendor names, memory and form-factor words dropped), then letters and digits only.
     */
    String normalise(String chipName) {
        String s = chipName.toLowerCase(Locale.ROOT);
        for (ChipWord w : chipWords) {
            s = w.pattern().matcher(s).replaceAll(w.replacement());
        }
        return s.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** The registry names closest to an unknown chip name (edit distance after normalising), best first; at most two. */
    public List<String> closestChips(String model) {
        List<String> known = closest.get(model);
        if (known == null) {
            known = nearest(model);
            if (closest.size() < 10_000) {
                closest.put(model, known); // the same few unknown names recur across a batch
            }
        }
        return known;
    }

    private final Map<String, List<String>> closest = new java.util.concurrent.ConcurrentHashMap<>();

    private List<String> nearest(String model) {
        String key = normalise(model);
        record Near(String model, int distance) {
        }
        Map<String, Integer> best = new LinkedHashMap<>();
        for (var e : chipsByName.entrySet()) {
            int d = distance(key, e.getKey());
            if (d <= Math.max(2, key.length() / 3)) {
                best.merge(e.getValue().model(), d, Math::min);
            }
        }
        return best.entrySet().stream().map(e -> new Near(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Near::distance).thenComparing(Near::model)).limit(2)
                .map(n -> chipsByModel(n.model()).vendor() + " " + n.model()).toList();
    }

    private ChipModel chipsByModel(String model) {
        return chips.stream().filter(c -> c.model().equals(model)).findFirst().orElseThrow();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private void read(RuleFiles files, String rel, Consumer<CSVRecord> row) {
        String text = files.text(rel);
        if (text == null) {
            problems.add(rel + ": missing");
            return;
        }
        try {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).get().parse(new StringReader(text));
            for (CSVRecord r : parser) {
                if (!r.isConsistent()) {
                    problems.add(rel + " line " + r.getParser().getCurrentLineNumber() + ": expected "
                            + parser.getHeaderNames().size() + " columns, found " + r.size());
                    continue;
                }
                try {
                    row.accept(r);
                } catch (IllegalArgumentException e) {
                    problems.add(rel + " line " + r.getParser().getCurrentLineNumber() + ": " + e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(rel + ": not a readable CSV table: " + e.getMessage());
        }
    }

    private void evidenceClaim(CSVRecord r) {
        String kind = r.get("kind");
        if (!EVIDENCE_KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind '" + kind + "': expected one of " + String.join(", ", EVIDENCE_KINDS));
        }
        List<String> programs = list(r.get("programs"));
        for (String p : programs) {
            if (!programmes.containsKey(p)) {
                throw new IllegalArgumentException("programs: no programme '" + p + "' in tables/programs.csv");
            }
        }
        // that the claim is a field of the schema (or one code of a list field) is checked against the schema (RuleBase)
        evidenceClaims.put(r.get("claim"), new EvidenceClaim(r.get("claim"), kind, programs, r.get("nameZh"), r.get("nameEn")));
    }

    private void officialList(CSVRecord r) {
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        for (String part : list(r.get("years"))) {
            String[] range = part.split("-");
            try {
                int from = Integer.parseInt(range[0].trim());
                int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
                for (int y = from; y <= to; y++) {
                    years.add(y);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("years '" + r.get("years") + "': expected years such as 2019-2025;2027");
            }
        }
        officialLists.add(new OfficialList(r.get("list"), list(r.get("aliases")), r.get("claim"), r.get("issuer"),
                Collections.unmodifiableSet(years)));
    }

    private void flagConsequence(CSVRecord r) {
        String c = r.get("consequence");
        if (!FlagConsequence.KINDS.contains(c)) {
            throw new IllegalArgumentException("consequence '" + c + "': expected one of " + String.join(", ", FlagConsequence.KINDS));
        }
        List<String> holds = list(r.get("holds")).stream().map(String::intern).toList();
        if (c.equals("hold") && holds.isEmpty()) {
            throw new IllegalArgumentException("rule " + r.get("rule") + ": a hold names the score rules it holds (holds)");
        }
        flagConsequences.put(r.get("rule").intern(), new FlagConsequence(r.get("rule").intern(), c, holds));
    }

    /** The claims that take evidence, by claim. */
    public Map<String, EvidenceClaim> evidenceClaims() {
        return Collections.unmodifiableMap(evidenceClaims);
    }

    public List<OfficialList> officialLists() {
        return Collections.unmodifiableList(officialLists);
    }

    /** A flag's consequence, or null when tables/flags.csv has no row for it. */
    public FlagConsequence flagConsequence(String rule) {
        return flagConsequences.get(rule);
    }

    public Map<String, FlagConsequence> flagConsequences() {
        return Collections.unmodifiableMap(flagConsequences);
    }

    private void clause(CSVRecord r) {
        if (!r.get("line").matches("\\d+(-\\d+)?")) {
            throw new IllegalArgumentException("line '" + r.get("line") + "': expected a line number or a range like 43-45");
        }
        clauses.put(r.get("id"), new Clause(r.get("id"), r.get("document"), r.get("section"), r.get("quote"),
                r.get("line")));
    }

    private void chip(CSVRecord r) {
        String kind = r.isMapped("class") ? r.get("class") : "training";
        if (!kind.equals("training") && !kind.equals("inference")) {
            throw new IllegalArgumentException("class '" + kind + "': expected training or inference");
        }
        ChipModel c = new ChipModel(r.get("model"), r.get("vendor"), yes(r, "domestic"), kind.equals("training"),
                number(r, "relativeCompute"));
        chips.add(c);
        List<String> names = new ArrayList<>();
        names.add(c.model());
        for (String alias : r.get("aliases").split(";")) {
            if (!alias.isBlank()) {
                names.add(alias.trim());
            }
        }
        for (String name : names) {
            ChipModel before = chipsByName.put(normalise(name), c);
            if (before != null && before != c) {
                throw new IllegalArgumentException("chip name '" + name + "' is also given for " + before.model());
            }
        }
    }

    private void programme(CSVRecord r) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        Map<String, BigDecimal> grades = new LinkedHashMap<>();
        Map<String, Double> params = new LinkedHashMap<>();
        for (String column : r.getParser().getHeaderNames()) {
            String v = r.get(column);
            if (column.startsWith("weight.")) {
                String dim = column.substring("weight.".length());
                if (!dimensions.containsKey(dim)) {
                    throw new IllegalArgumentException("column " + column + ": no such dimension in tables/dimensions.csv");
                }
                weights.put(dim, decimal(column, v));
            } else if (column.startsWith("grade.")) {
                grades.put(column.substring("grade.".length()), decimal(column, v));
            } else if (!List.of("program", "default", "nameZh", "nameEn", "requiredFields", "requiredSectors", "tieBreak").contains(column)
                    && !v.isBlank()) {
                params.put(column, number(r, column));
            }
        }
        var sortedGrades = new LinkedHashMap<String, BigDecimal>();
        grades.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .forEach(e -> sortedGrades.put(e.getKey(), e.getValue()));
        if (sortedGrades.isEmpty() || sortedGrades.values().stream().noneMatch(g -> g.signum() == 0)) {
            throw new IllegalArgumentException("programme " + r.get("program") + " needs a grade column with threshold 0");
        }
        List<String> tieBreak = list(r.get("tieBreak"));
        for (String d : tieBreak) {
            if (!dimensions.containsKey(d)) {
                throw new IllegalArgumentException("tieBreak: no such dimension '" + d + "'");
            }
        }
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(new BigDecimal(100)) != 0) {
            throw new IllegalArgumentException("programme " + r.get("program") + ": weights sum to " + sum.toPlainString()
                    + ", expected 100");
        }
        List<String> sectorList = list(r.get("requiredSectors"));
        CodeTable sectors = codeTables.get("sectors");
        for (String s : sectorList) {
            if (sectors == null || sectors.code(s) == null) {
                throw new IllegalArgumentException("requiredSectors: no such sector '" + s + "' in tables/sectors.csv");
            }
        }
        if (r.isMapped("default") && yes(r, "default")) {
            defaults.add(r.get("program").intern());
        }
        // ids interned (here, for scoring rows and for rules): they key maps read for every rule that fires
        programmes.put(r.get("program").intern(), new Programme(r.get("program").intern(), r.get("nameZh"), r.get("nameEn"),
                Collections.unmodifiableMap(weights), Collections.unmodifiableMap(sortedGrades),
                Collections.unmodifiableMap(params), list(r.get("requiredFields")).stream().map(String::intern).toList(),
                sectorList, tieBreak));
    }

    private void band(CSVRecord r) {
        String op = r.get("op");
        Double threshold = null;
        if (op.isEmpty()) {
            op = null;
        } else if (!op.equals(">=") && !op.equals("<=")) {
            throw new IllegalArgumentException("op '" + op + "': expected >=, <= or blank");
        } else {
            threshold = number(r, "threshold");
        }
        Band b = new Band(r.get("rule").intern(), r.get("program").intern(), op, threshold, decimal("points", r.get("points")),
                bandCount++);
        scoring.computeIfAbsent(b.ruleId(), k -> new LinkedHashMap<>())
                .computeIfAbsent(b.program(), k -> new ArrayList<>()).add(b);
    }

    private static List<String> list(String cell) {
        List<String> out = new ArrayList<>();
        for (String s : cell.split(";")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return List.copyOf(out);
    }

    private boolean yes(CSVRecord r, String column) {
        String v = r.get(column).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "yes" -> true;
            case "no", "" -> false;
            default -> throw new IllegalArgumentException(column + " '" + r.get(column) + "': expected yes or no");
        };
    }

    private int integer(CSVRecord r, String column) {
        try {
            return Integer.parseInt(r.get(column));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + r.get(column) + "': expected a whole number");
        }
    }

    private double number(CSVRecord r, String column) {
        try {
            return Double.parseDouble(r.get(column));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + r.get(column) + "': expected a number");
        }
    }

    private static BigDecimal decimal(String column, String v) {
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + v + "': expected a number");
        }
    }
}
