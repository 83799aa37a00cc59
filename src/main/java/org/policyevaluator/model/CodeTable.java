package org.policyevaluator.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codes a field may take, as a table under the rules folder's tables/ lists them (the first
 * column is the code; nameZh and nameEn name it; any other column is an attribute the rules may look
 * up, e.g. a technology area's tier). Adding a code is adding a row.
 */
public final class CodeTable {

    /** One code with its names and the rest of its row. */
    public record Code(String code, String nameZh, String nameEn, Map<String, String> attributes) {
        public String name(String lang) {
            return "en".equals(lang) ? nameEn : nameZh;
        }

        /** An attribute by column name, or null when the table has no such column. */
        public String attribute(String column) {
            return attributes.get(column);
        }
    }

    private static final java.util.regex.Pattern CODE_SEPARATORS = java.util.regex.Pattern.compile("[\\s()（）/]+");

    private final String name;
    private final Map<String, Code> codes;
    /** What a person may write for a code (the code, either name, both) as a {@link Text#key}, to the code. */
    private final Map<String, String> aliases = new java.util.HashMap<>();

    public CodeTable(String name, List<Code> codes) {
        this.name = name;
        Map<String, Code> m = new LinkedHashMap<>();
        codes.forEach(c -> m.put(c.code(), c));
        this.codes = Collections.unmodifiableMap(m);
        for (Code c : codes) {
            for (String alias : List.of(c.code(), c.nameZh(), c.nameEn(), c.nameZh() + " / " + c.nameEn(),
                    c.code() + " " + c.nameZh())) {
                aliases.putIfAbsent(Text.key(alias), c.code());
            }
        }
    }

    /**
     * The code a text names, forgiving case, width and spacing: the code itself, its Chinese or English
     * name, or a text holding the code ("ENTERPRISE 企业", "企业 (ENTERPRISE)"); null when it names none.
     */
    public String resolve(String text) {
        String code = aliases.get(Text.key(text));
        if (code == null) {
            for (String part : CODE_SEPARATORS.split(Text.normal(text))) {
                code = part.isEmpty() ? null : aliases.get(Text.key(part));
                if (code != null) {
                    break;
                }
            }
        }
        return code;
    }

    /** The table's name: its file under tables/ without ".csv". */
    public String name() {
        return name;
    }

    /** The row of a code, or null when the code is not in the table. */
    public Code code(String code) {
        return code == null ? null : codes.get(code);
    }

    /** Every code, in table order. */
    public List<Code> codes() {
        return List.copyOf(codes.values());
    }

    public List<String> values() {
        return List.copyOf(codes.keySet());
    }

    public boolean hasColumn(String column) {
        return codes.values().stream().findFirst().map(c -> c.attributes().containsKey(column)).orElse(false);
    }
}
