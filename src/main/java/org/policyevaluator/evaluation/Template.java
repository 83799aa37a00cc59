package org.policyevaluator.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message template parsed once: literal text and {key} or {key:style} placeholders. Rendering then
 * costs a few appends instead of a regular-expression pass per message.
 */
final class Template {
    /** {key}, {key:pct}, {key:name}, {key:label}, or {key:of:noun|nouns}: a count with its noun, singular for 1. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)(?::(pct|name|label|of:[^{}|]+\\|[^{}|]+))?}");

    /** A literal (key null) or a placeholder. */
    private record Part(String text, String key, String style) {
    }

    /** Rendered texts by the values they were rendered from (bounded: see {@link TextMemo}). */
    private static final int MEMO_LIMIT = 200_000;
    private final TextMemo memo = new TextMemo(MEMO_LIMIT);
    private final List<Part> parts;
    private final int placeholders;
    private final List<String> placeholderKeys;

    private Template(List<Part> parts) {
        this.parts = parts;
        this.placeholderKeys = parts.stream().filter(p -> p.key() != null).map(Part::key).toList();
        this.placeholders = placeholderKeys.size();
    }

    static Template parse(String template) {
        List<Part> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(template.substring(at, m.start()), null, null));
            }
            // keys interned, as the rules' evidence names are (string literals): lookups then match by identity
            parts.add(new Part(m.group(), m.group(1).intern(), m.group(2)));
            at = m.end();
        }
        if (at < template.length()) {
            parts.add(new Part(template.substring(at), null, null));
        }
        return new Template(List.copyOf(parts));
    }

    /** A placeholder whose key has no value is left as it is, so that a missing value is visible. */
    interface Values {
        boolean has(String key);

        Object get(String key);
    }

    /** A placeholder's value in {@link #render(Object[], Formatter, String)} when there is none. */
    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "(absent)";
        }
    };

    /** The keys of the placeholders in order, a key as often as it is used. */
    List<String> placeholderKeys() {
        return placeholderKeys;
    }

    String render(Values values, Formatter formatter, String lang) {
        Object[] given = new Object[placeholders];
        int k = 0;
        for (int i = 0; i < parts.size(); i++) {
            String key = parts.get(i).key();
            if (key != null) {
                given[k++] = values.has(key) ? values.get(key) : ABSENT;
            }
        }
        return render(given, formatter, lang);
    }

    /** Renders with values[i] for the i-th placeholder ({@link #ABSENT} where there is none); keeps the array. */
    String render(Object[] values, Formatter formatter, String lang) {
        int hash = TextMemo.hash(lang, values);
        String cached = memo.get(hash, lang, values);
        if (cached != null) {
            return cached;
        }
        StringBuilder sb = new StringBuilder(64);
        int k = 0;
        for (Part p : parts) {
            if (p.key() == null) {
                sb.append(p.text());
            } else {
                Object v = values[k++];
                sb.append(v == ABSENT ? p.text() : formatter.format(v, p.style()));
            }
        }
        String text = sb.toString();
        memo.put(hash, lang, values, text);
        return text;
    }

    interface Formatter {
        String format(Object value, String style);
    }

    static Values of(java.util.Map<String, Object> map) {
        return new Values() {
            @Override
            public boolean has(String key) {
                return map.containsKey(key);
            }

            @Override
            public Object get(String key) {
                return map.get(key);
            }
        };
    }

    static Values of(Function<String, Object> lookup, java.util.function.Predicate<String> has) {
        return new Values() {
            @Override
            public boolean has(String key) {
                return has.test(key);
            }

            @Override
            public Object get(String key) {
                return lookup.apply(key);
            }
        };
    }
}
