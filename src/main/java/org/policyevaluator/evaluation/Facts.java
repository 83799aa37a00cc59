package org.policyevaluator.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.CodeTable;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.Slots;
import org.policyevaluator.rules.PolicyTables;

/**
 * The one fact the rules see: an application under a programme. Rules read its fields by path as the
 * schema names them ({@code number("green.energySavingPercent")}), the facts Java derives where code is
 * needed by their {@code derived.} names ({@code number("derived.trainingShare")}, see
 * {@link Derivations}), and look codes up in their tables ({@code lowest("techAreas", "tier")}). A path
 * that is neither a field nor a derived fact is an error, so that a misspelt rule cannot silently never
 * fire. Its methods are the vocabulary of the DRL files (docs/authoring.md); its answers never change.
 */
public final class Facts {
    static final String DERIVED = "derived.";

    private final Application application;
    private final String program;
    private final ApplicationSchema schema;
    private final PolicyTables tables;
    /** The derived facts, in the order of {@link Derivations#NAMES}. */
    private final Object[] derived;
    /** Field paths, then derived facts' names, each at its place: a rule's path is found with one lookup. */
    private final Places places;
    /** The programme's parameters, looked up once for all the rules that compare with one. */
    private final Map<String, Double> params;
    /** Where the rules' decisions about these facts are collected during a session ({@link RuleOutcomes#track}). */
    RuleOutcomes.Decisions decisions;
    /**
     * What {@link #attribute} and {@link #lowest} already answered, as (question, path, column, answer) entries: many rules
     * ask the same (the sector's category, the best tier), and the facts do not change. Keyed by the identity of
     * the rule files' literals, which are the same instances at every call; any other string simply misses.
     */
    private Object[] memo;
    private int memoSize;

    Facts(Application application, String program, ApplicationSchema schema, PolicyTables tables,
          Object[] derived, Places places) {
        this.application = application;
        this.program = program;
        this.schema = schema;
        this.tables = tables;
        this.derived = derived;
        this.places = places;
        this.params = tables.parameters(program);
    }

    /** The places of a schema's fields, then of the derived facts in their order, after them. */
    record Places(Slots slots, int fields) {
        static Places of(ApplicationSchema schema) {
            List<String> names = new ArrayList<>(schema.fieldPaths());
            names.addAll(Derivations.NAMES.keySet());
            return new Places(new Slots(names), schema.fieldPaths().size());
        }
    }

    /** Whether a name is one of the facts Java derives ({@link Derivations}). */
    public static boolean isDerived(String name) {
        return Derivations.NAMES.containsKey(name);
    }

    public Application application() {
        return application;
    }

    public String getProgram() {
        return program;
    }

    /** A parameter of the programme (programs.csv, else parameters.csv for it, else for "*"), e.g. "flag.minPue". */
    public double param(String key) {
        Double v = params.get(key);
        return v != null ? v : tables.num(program, key); // which says what is missing
    }

    /** Whether the programme sets a parameter at all (a gate that only some programmes have checks this). */
    public boolean hasParam(String key) {
        return tables.has(program, key);
    }

    /** The sectors the programme funds (programs.csv requiredSectors); empty when it funds any. */
    public List<String> requiredSectors() {
        return tables.requiredSectors(program);
    }

    /** The value at a field path or of a derived fact; null when it is not declared. */
    public Object value(String path) {
        int place = places.slots().slot(path);
        if (place >= places.fields()) {
            return derived[place - places.fields()];
        }
        if (place >= 0 && application.readWith(schema)) {
            return application.valueAt(place);
        }
        // every derived fact has a place: a name that has none is misspelt
        if (path.startsWith(DERIVED)) {
            throw new IllegalArgumentException("no derived fact " + path + "; derived facts are "
                    + String.join(", ", Derivations.NAMES.keySet()));
        }
        // read with another schema, or no such field (the rule files' paths are checked when they load; this
        // catches a path built at run time)
        return application.field(path);
    }

    /** Declared: there is a value, and a list is not empty. */
    public boolean has(String path) {
        Object v = value(path);
        return v instanceof Collection<?> c ? !c.isEmpty() : v != null;
    }

    /** A yes/no field declared yes. */
    public boolean yes(String path) {
        return Boolean.TRUE.equals(value(path));
    }

    /** A number, or null when it is not declared. */
    public Double number(String path) {
        Object v = value(path);
        if (v instanceof Double d) {
            return d; // as it is: the rules ask for numbers at every firing, and a new box each time adds up
        }
        return v instanceof Number n ? n.doubleValue() : null;
    }

    /** How many: the number of items of a list, a whole number's value, 0 when not declared. */
    public int count(String path) {
        Object v = value(path);
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        return v instanceof Number n ? n.intValue() : 0;
    }

    public String text(String path) {
        Object v = value(path);
        return v == null ? null : v.toString();
    }

    /** The codes of a code or code-list field, as a list (empty when not declared). */
    @SuppressWarnings("unchecked")
    public List<String> codes(String path) {
        Object v = value(path);
        if (v instanceof List<?> list) {
            return (List<String>) list; // a code list is bound as a list of texts
        }
        return v == null ? List.of() : List.of(v.toString());
    }

    public boolean hasCode(String path, String code) {
        return codes(path).contains(code);
    }

    /** Whether the field's code is one of {@code codes} (a programme's list, say). */
    public boolean isOneOf(String path, Collection<String> codes) {
        String v = text(path);
        return v != null && codes.contains(v);
    }

    /** A column of the code table row of a single-code field ("category" of the sector), or null. */
    public String attribute(String path, String column) {
        Object known = recalled(ATTRIBUTE, path, column);
        if (known != null) {
            return known == NONE ? null : (String) known;
        }
        String code = text(path);
        CodeTable.Code row = table(path).code(code);
        String v = row == null ? null : column(row, column, path);
        remember(ATTRIBUTE, path, column, v == null ? NONE : v);
        return v;
    }

    /** The codes of the field whose table row has {@code value} in {@code column} ("tier" "1"), in the field's order. */
    public List<String> codesWhere(String path, String column, String value) {
        CodeTable table = table(path);
        List<String> out = new ArrayList<>();
        List<String> codes = codes(path);
        for (int i = 0; i < codes.size(); i++) { // by index: an iterator is a new object at every rule that asks
            CodeTable.Code row = table.code(codes.get(i));
            if (row != null && value.equals(column(row, column, path))) {
                out.add(codes.get(i));
            }
        }
        return out;
    }

    /** Whether any of the field's codes has {@code value} in {@code column}. */
    public boolean anyWhere(String path, String column, String value) {
        CodeTable table = table(path);
        List<String> codes = codes(path);
        for (int i = 0; i < codes.size(); i++) {
            CodeTable.Code row = table.code(codes.get(i));
            if (row != null && value.equals(column(row, column, path))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the field has codes and every one has {@code value} in {@code column}. */
    public boolean allWhere(String path, String column, String value) {
        List<String> codes = codes(path);
        return !codes.isEmpty() && codesWhere(path, column, value).size() == codes.size();
    }

    /** The lowest whole number in {@code column} among the field's codes (the best tier, say); 0 when none. */
    public int lowest(String path, String column) {
        Object known = recalled(LOWEST, path, column);
        if (known != null) {
            return (Integer) known;
        }
        CodeTable table = table(path);
        int best = 0;
        List<String> codes = codes(path);
        for (int i = 0; i < codes.size(); i++) {
            CodeTable.Code row = table.code(codes.get(i));
            String v = row == null ? null : column(row, column, path);
            if (v != null && !v.isBlank()) {
                int n = Integer.parseInt(v.strip());
                best = best == 0 ? n : Math.min(best, n);
            }
        }
        remember(LOWEST, path, column, best);
        return best;
    }

    /** The questions the memo keeps answers to, and what it holds for "no value". */
    private static final Object ATTRIBUTE = new Object();
    private static final Object LOWEST = new Object();
    private static final Object NONE = new Object();
    private static final int MEMO_LIMIT = 16;

    private Object recalled(Object question, String path, String column) {
        for (int i = 0; i < memoSize; i += 4) {
            if (memo[i] == question && memo[i + 1] == path && memo[i + 2] == column) {
                return memo[i + 3];
            }
        }
        return null;
    }

    private void remember(Object question, String path, String column, Object answer) {
        if (memo == null) {
            memo = new Object[4 * MEMO_LIMIT];
        }
        if (memoSize < memo.length) {
            memo[memoSize] = question;
            memo[memoSize + 1] = path;
            memo[memoSize + 2] = column;
            memo[memoSize + 3] = answer;
            memoSize += 4;
        }
    }

    private CodeTable table(String path) {
        FieldDef f = schema.field(path);
        if (f == null || f.codes() == null) {
            throw new IllegalArgumentException(path + " is not a field with codes in " + ApplicationSchema.FILE);
        }
        return f.codes();
    }

    private static String column(CodeTable.Code row, String column, String path) {
        String v = row.attribute(column);
        if (v == null && !row.attributes().containsKey(column)) {
            throw new IllegalArgumentException("the code table of " + path + " has no column " + column);
        }
        return v;
    }
}
