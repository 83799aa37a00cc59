package org.policyevaluator.intake.excel;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.Text;

/**
 * The fields of a sheet's columns. {@link Headers} recognises a header as a field: its path
 * ("compute.chips"), or its Chinese, English or bilingual label, forgiving case, spacing, full-width
 * characters and a required-field '*'.
 */
final class ColumnMap {

    /** What a header may say for each field of a schema. */
    static final class Headers {
        private final Map<String, FieldDef> aliases = new HashMap<>();

        Headers(ApplicationSchema schema) {
            for (FieldDef f : schema.fields()) {
                String zh = f.label("zh");
                String en = f.label("en");
                for (String a : new String[] {f.path(), zh, en, f.bilingualLabel(), zh + en, zh + "(" + en + ")",
                        stripUnit(zh), stripUnit(en)}) {
                    aliases.putIfAbsent(Text.key(a), f);
                }
            }
        }

        /** The field a header names, or null. */
        FieldDef field(String header) {
            if (header == null || header.isBlank()) {
                return null;
            }
            FieldDef f = aliases.get(Text.key(header));
            if (f == null) {
                for (String part : Text.normal(header).split("\\s*[/\\n]\\s*")) {
                    f = part.isBlank() ? null : aliases.get(Text.key(part));
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
    }

    /** column -> field, and column -> the header as written. */
    private final Map<Integer, FieldDef> fields = new LinkedHashMap<>();
    private final Map<Integer, String> headers = new LinkedHashMap<>();

    /** column -> the claim an evidence.CLAIM column backs. */
    private final Map<Integer, String> evidence = new LinkedHashMap<>();

    void putEvidence(int column, String claim, String header) {
        evidence.put(column, claim);
        headers.put(column, header);
    }

    String evidenceAt(int column) {
        return evidence.get(column);
    }

    Integer evidenceColumnOf(String claim) {
        for (var e : evidence.entrySet()) {
            if (e.getValue().equals(claim)) {
                return e.getKey();
            }
        }
        return null;
    }

    void put(int column, FieldDef f, String header) {
        fields.put(column, f);
        headers.put(column, header);
    }

    FieldDef at(int column) {
        return fields.get(column);
    }

    int size() {
        return fields.size();
    }

    /** The header of a column as the sheet writes it. */
    String header(int column) {
        return headers.get(column);
    }

    Integer columnOf(String path) {
        for (var e : fields.entrySet()) {
            if (e.getValue().path().equals(path)) {
                return e.getKey();
            }
        }
        return null;
    }
}
