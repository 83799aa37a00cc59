package org.policyevaluator.intake.excel;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognises a header as a canonical field: its path ("compute.chips"), or the template's Chinese,
 * English or bilingual label, forgiving case, spacing, full-width characters and a required-field '*'.
 */
public final class ColumnMap {
    private static final Map<String, Field> ALIASES = new HashMap<>();

    static {
        for (Field f : Field.ALL) {
            for (String a : new String[] {f.path(), f.labelZh(), f.labelEn(), f.label(), f.labelZh() + f.labelEn(),
                    f.labelZh() + "(" + f.labelEn() + ")", stripUnit(f.labelZh()), stripUnit(f.labelEn())}) {
                ALIASES.putIfAbsent(Text.key(a), f);
            }
        }
    }

    /** column -> field, and column -> the header as written. */
    private final Map<Integer, Field> fields = new LinkedHashMap<>();
    private final Map<Integer, String> headers = new LinkedHashMap<>();

    private ColumnMap() {
    }

    /** The field a header names, or null. */
    public static Field field(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Field f = ALIASES.get(Text.key(header));
        if (f == null) {
            for (String part : Text.normal(header).split("\\s*[/\\n]\\s*")) {
                f = part.isBlank() ? null : ALIASES.get(Text.key(part));
                if (f != null) {
                    break;
                }
            }
        }
        return f;
    }

    private static String stripUnit(String label) {
        return label.replaceAll("\\s*\\(.*\\)\\s*$", "");
    }

    static ColumnMap empty() {
        return new ColumnMap();
    }

    void put(int column, Field f, String header) {
        fields.put(column, f);
        headers.put(column, header);
    }

    Field at(int column) {
        return fields.get(column);
    }

    int size() {
        return fields.size();
    }

    Map<Integer, Field> fields() {
        return fields;
    }

    /** The column's header as the sheet writes it, naming the field when it differs. */
    String describe(int column) {
        Field f = fields.get(column);
        String h = WHITE_SPACE.matcher(headers.get(column).strip()).replaceAll(" ");
        return h.equals(f.path()) ? f.path() : "\"" + h + "\" (" + f.path() + ")";
    }

    private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");

    Integer columnOf(String path) {
        for (var e : fields.entrySet()) {
            if (e.getValue().path().equals(path)) {
                return e.getKey();
            }
        }
        return null;
    }
}
