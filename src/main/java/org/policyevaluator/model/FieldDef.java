package org.policyevaluator.model;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One field of an application as the schema defines it: its path ("compute.trainingDomesticShare"),
 * type, whether it is required (in its object, and its object up to the root), its group (the top-level
 * object it sits in; "" for the application's own fields), labels and hints in Chinese and English,
 * what a valid value is ({@code expected}, when the schema says it better than the type does), range,
 * unit, codes, how a list is written as text (separators; for a list of objects, the pattern that reads
 * one item and the format that writes it, e.g. {model}*{count}), the fields of one such item, and the
 * last part of the path, the JSON property that holds the value (kept: it is looked up for every application).
 */
public record FieldDef(String path, FieldType type, boolean required, String group, Map<String, String> title,
                       Map<String, String> hint, Map<String, String> expected, String unit, CodeTable codes,
                       List<String> separators, Pattern itemPattern, String itemFormat, List<FieldDef> itemFields, Double minimum,
                       Double maximum, boolean exclusiveMinimum, Integer maxLength, String format, boolean upperCase,
                       String property) {

    public static final String SHARE = "share";
    public static final String PERCENT = "percent";

    public String label(String lang) {
        return text(title, lang, path);
    }

    /** "申报编号 / Application ID": how the template and the batch sheet's second row name the field. */
    public String bilingualLabel() {
        return label("zh") + " / " + label("en");
    }

    public String hint(String lang) {
        return text(hint, lang, "");
    }

    /** What a valid value is, as the schema words it, or null when the type says it. */
    public String expected(String lang) {
        return expected.isEmpty() ? null : text(expected, lang, null);
    }

    public boolean isShare() {
        return SHARE.equals(unit);
    }

    public boolean isPercent() {
        return PERCENT.equals(unit);
    }


    /** An item field by property name ("count"), or null. */
    public FieldDef itemField(String property) {
        for (FieldDef f : itemFields) {
            if (f.path().equals(property)) {
                return f;
            }
        }
        return null;
    }

    private static String text(Map<String, String> byLang, String lang, String fallback) {
        String v = byLang.get("en".equals(lang) ? "en" : "zh");
        return v != null ? v : byLang.getOrDefault("zh", fallback);
    }
}
