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
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)(?::(pct|name))?}");

    /** A literal (key null) or a placeholder. */
    private record Part(String text, String key, String style) {
    }

    /**
     * Rendered texts by the values they were rendered from: most reasons repeat across applications
     * (the same rule, band and declared values), and formatting numbers is the costly part. Bounded:
     * cleared when full, so that memory never grows with a batch.
     */
    private static final int MEMO_LIMIT = 200_000;
    private final java.util.concurrent.ConcurrentHashMap<List<Object>, String> memo = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Part> parts;
    private final int placeholders;

    private Template(List<Part> parts) {
        this.parts = parts;
        this.placeholders = (int) parts.stream().filter(p -> p.key() != null).count();
    }

    static Template parse(String template) {
        List<Part> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(template.substring(at, m.start()), null, null));
            }
            parts.add(new Part(m.group(), m.group(1), m.group(2)));
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

    String render(Values values, Formatter formatter, String lang) {
        Object[] key = new Object[placeholders * 2 + 1];
        key[0] = lang;
        int k = 1;
        for (Part p : parts) {
            if (p.key() != null) {
                boolean has = values.has(p.key());
                key[k++] = has;
                key[k++] = has ? values.get(p.key()) : null;
            }
        }
        List<Object> memoKey = java.util.Arrays.asList(key);
        String cached = memo.get(memoKey);
        if (cached != null) {
            return cached;
        }
        String text = render(values, formatter);
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        memo.put(memoKey, text);
        return text;
    }

    private String render(Values values, Formatter formatter) {
        StringBuilder sb = new StringBuilder(64);
        for (Part p : parts) {
            if (p.key() == null || !values.has(p.key())) {
                sb.append(p.text());
            } else {
                sb.append(formatter.format(values.get(p.key()), p.style()));
            }
        }
        return sb.toString();
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
