package org.policyevaluator.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.policyevaluator.rules.Messages;
import org.policyevaluator.model.CodeTable;
import org.policyevaluator.rules.RuleBase;

/**
 * Fills a message template with the values a rule used. {key} prints a value as it is; {key:pct}
 * prints a share as a percentage; {key:name} prints codes by their names in the code tables;
 * {key:label} prints field paths by the schema's labels. A value that was not declared prints as such,
 * never as an empty string or a zero.
 */
public final class ReasonRenderer {
    private final RuleBase ruleBase;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    /** Every message of the ruleset parsed once, per language: looked up by key, never re-parsed. */
    private final Map<String, Template> zh = new java.util.HashMap<>();
    private final Map<String, Template> en = new java.util.HashMap<>();

    private final Words zhWords;
    private final Words enWords;
    private final Template.Formatter zhFormatter = (v, style) -> format(v, style, "zh");
    private final Template.Formatter enFormatter = (v, style) -> format(v, style, "en");

    public ReasonRenderer(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
        this.zhWords = words("zh");
        this.enWords = words("en");
        for (String key : ruleBase.messages().keys("zh")) {
            zh.put(key, Template.parse(ruleBase.messages().get("zh", key)));
        }
        for (String key : ruleBase.messages().keys("en")) {
            en.put(key, Template.parse(ruleBase.messages().get("en", key)));
        }
    }

    public String render(String template, Map<String, Object> values, String lang) {
        return render(template, Template.of(values), lang);
    }

    String render(String template, Template.Values values, String lang) {
        Template t = templates.get(template);
        if (t == null) {
            t = templates.computeIfAbsent(template, Template::parse);
        }
        return t.render(values, formatter(lang), lang);
    }

    /** The message with that key in that language, filled with the values. */
    String message(String key, Template.Values values, String lang) {
        Template t = template(key, lang);
        return t == null ? "[" + key + "]" : t.render(values, formatter(lang), lang);
    }

    /** The parsed message with that key in that language, or null. */
    Template template(String key, String lang) {
        return ("en".equals(lang) ? en : zh).get(key);
    }

    /** The message with that key, values[i] filling its i-th placeholder (see {@link Template#placeholderKeys()}). */
    String message(Template template, Object[] values, String lang) {
        return template.render(values, formatter(lang), Messages.lang(lang));
    }

    private Template.Formatter formatter(String lang) {
        return "en".equals(lang) ? enFormatter : zhFormatter;
    }

    /** Whether the message with that key names no placeholder outside {@code allowed}, in every language. */
    boolean placeholdersWithin(String key, java.util.Set<String> allowed) {
        for (Map<String, Template> byKey : List.of(zh, en)) {
            Template t = byKey.get(key);
            if (t != null && !allowed.containsAll(t.placeholderKeys())) {
                return false;
            }
        }
        return true;
    }

    public String format(Object value, String style, String lang) {
        Words w = "en".equals(lang) ? enWords : zhWords;
        if (value == null) {
            return w.none;
        }
        if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                return w.empty;
            }
            StringBuilder sb = new StringBuilder();
            for (Object o : list) {
                if (!sb.isEmpty()) {
                    sb.append(w.separator);
                }
                sb.append(format(o, style, lang));
            }
            return sb.toString();
        }
        if (value instanceof Boolean b) {
            return b ? w.yes : w.no;
        }
        if (value instanceof Map<?, ?> chip && chip.containsKey("origin")) {
            // a chip of the inventory: model*count and its origin in the language
            String origin = w.origins.getOrDefault(String.valueOf(chip.get("origin")), String.valueOf(chip.get("origin")));
            return chip.get("model") + "*" + chip.get("count") + origin;
        }
        if (value instanceof Number n && style != null && style.startsWith("of:")) {
            // a count with its noun: "1 month", "3 months"
            int bar = style.indexOf('|');
            String noun = n.doubleValue() == 1 ? style.substring(3, bar) : style.substring(bar + 1);
            return format(n, null, lang) + " " + noun;
        }
        if (value instanceof Number n) {
            boolean pct = "pct".equals(style);
            if (n instanceof Integer || n instanceof Long) {
                return pct ? percent(new BigDecimal(n.longValue())) : Long.toString(n.longValue());
            }
            if (n instanceof Double x) {
                String fast = pct ? fastPercent(x) : fastPlain(x);
                if (fast != null) {
                    return fast;
                }
            }
            BigDecimal d = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
            return pct ? percent(d) : plain(d);
        }
        String s = value.toString();
        if ("label".equals(style)) {
            return w.labels.getOrDefault(s, s);
        }
        return "name".equals(style) ? w.names.getOrDefault(s, s) : s;
    }

    /**
     * A language's words for values: none, empty, yes, no, the list separator, the names of codes and the
     * labels of fields.
     */
    private record Words(String none, String empty, String yes, String no, String separator, Map<String, String> names,
                         Map<String, String> labels, Map<String, String> origins) {
    }

    /** The names of the codes of the schema's code tables (a code two tables share takes the first's name). */
    private Words words(String lang) {
        Map<String, String> names = new java.util.HashMap<>();
        for (CodeTable table : ruleBase.schema().codeTables().values()) {
            table.codes().forEach(c -> names.putIfAbsent(c.code(), c.name(lang)));
        }
        Map<String, String> labels = new java.util.HashMap<>();
        ruleBase.schema().fields().forEach(f -> labels.put(f.path(), f.label(lang)));
        var m = ruleBase.messages();
        Map<String, String> origins = new java.util.HashMap<>();
        for (String origin : List.of("domestic", "foreign", "unknown")) {
            origins.put(origin, m.get(lang, "chip." + origin));
        }
        return new Words(m.get(lang, "value.none"), m.get(lang, "value.empty"), m.get(lang, "value.true"),
                m.get(lang, "value.false"), "en".equals(lang) ? ", " : "、", Map.copyOf(names), Map.copyOf(labels),
                Map.copyOf(origins));
    }

    static String percent(BigDecimal share) {
        return plain(share.movePointRight(2).setScale(1, RoundingMode.HALF_UP)) + "%";
    }

    /**
     * A whole number as {@link #plain} prints it, without going through BigDecimal (reasons print
     * thousands of values a second); null when the value is not a whole number.
     */
    static String fastPlain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : null;
    }

    /**
     * A share as {@link #percent} prints it, to one decimal, when the value is clear of a rounding tie
     * (then the nearest tenth of a percent is the decimal rounding); null otherwise.
     */
    static String fastPercent(double share) {
        double tenths = share * 1000;
        if (Math.abs(tenths) >= 1e12 || Math.abs(Math.abs(tenths - Math.rint(tenths)) - 0.5) <= 1e-6) {
            return null;
        }
        long t = (long) Math.rint(tenths);
        if (t == 0) {
            return "0%";
        }
        long whole = Math.abs(t) / 10;
        long tenth = Math.abs(t) % 10;
        return (t < 0 ? "-" : "") + whole + (tenth == 0 ? "" : "." + tenth) + "%";
    }

    static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
