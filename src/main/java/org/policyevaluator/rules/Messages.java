package org.policyevaluator.rules;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The ruleset's message bundles (messages/messages_zh.properties and _en): rule titles, reason
 * templates, gate and flag messages. Templates name evidence with {field.path} and may format it
 * with {field.path:pct}.
 */
public final class Messages {
    public static final List<String> LANGUAGES = List.of("zh", "en");

    private final Map<String, Map<String, String>> bundles;

    private Messages(Map<String, Map<String, String>> bundles) {
        this.bundles = bundles;
    }

    static Messages load(RuleFiles files) {
        return new Messages(Map.of("zh", read(files, "messages/messages_zh.properties"),
                "en", read(files, "messages/messages_en.properties")));
    }

    private static Map<String, String> read(RuleFiles files, String rel) {
        String text = files.text(rel);
        if (text == null) {
            throw new RuleBaseException(files.origin(), List.of(rel + ": missing"));
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new RuleBaseException(files.origin(), List.of(rel + ": " + e.getMessage()));
        }
        // a plain map: Properties is synchronized, and every evaluation reads dozens of messages
        Map<String, String> map = new java.util.HashMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return Map.copyOf(map);
    }

    /** Every key of a language's bundle. */
    public java.util.Set<String> keys(String lang) {
        return bundles.get(lang(lang)).keySet();
    }

    /** The message, or null when the bundle of that language lacks it. */
    public String find(String lang, String key) {
        return bundles.get(lang(lang)).get(key);
    }

    /** The message, or its key in brackets so that a missing text is visible rather than silent. */
    public String get(String lang, String key) {
        String v = find(lang, key);
        return v != null ? v : "[" + key + "]";
    }

    public static String lang(String lang) {
        return "en".equals(lang) ? "en" : "zh";
    }
}
