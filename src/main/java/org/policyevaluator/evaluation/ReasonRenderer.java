package org.policyevaluator.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.policyevaluator.rules.Messages;
import org.policyevaluator.rules.PolicyTables;
import org.policyevaluator.rules.RuleBase;

/**
 * Fills a message template with the values a rule used. {key} prints a value as it is; {key:pct}
 * prints a share as a percentage; {key:name} prints enum codes by their names in the tables.
 * A value that was not declared prints as such, never as an empty string or a zero.
 */
public final class ReasonRenderer {
    private final RuleBase ruleBase;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    /** Every message of the ruleset parsed once, per language: looked up by key, never re-parsed. */
    private final Map<String, Template> zh = new java.util.HashMap<>();
    private final Map<String, Template> en = new java.util.HashMap<>();

    private final Template.Formatter zhFormatter = (v, style) -> format(v, style, "zh");
    private final Template.Formatter enFormatter = (v, style) -> format(v, style, "en");

    public ReasonRenderer(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
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
            if (t != null && !allowed.containsAll(t.keys())) {
                return false;
            }
        }
        return true;
    }

    public String format(Object value, String style, String lang) {
        if (value == null) {
            return ruleBase.messages().get(lang, "value.none");
        }
        if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                return ruleBase.messages().get(lang, "value.empty");
            }
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(format(o, style, lang));
            }
            return String.join("en".equals(lang) ? ", " : "、", parts);
        }
        if (value instanceof Boolean b) {
            return ruleBase.messages().get(lang, b ? "value.true" : "value.false");
        }
        if (value instanceof Number n) {
            BigDecimal d = n instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
            if ("pct".equals(style)) {
                d = d.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
                return plain(d) + "%";
            }
            return plain(d);
        }
        String s = value.toString();
        return "name".equals(style) ? name(s, lang) : s;
    }

    private String name(String code, String lang) {
        PolicyTables t = ruleBase.tables();
        boolean en = "en".equals(lang);
        var area = t.techArea(code);
        if (area != null) {
            return en ? area.nameEn() : area.nameZh();
        }
        var sector = t.sector(code);
        if (sector != null) {
            return en ? sector.nameEn() : sector.nameZh();
        }
        var q = t.qualification(code);
        if (q != null) {
            return en ? q.nameEn() : q.nameZh();
        }
        var stage = t.stages().get(code);
        if (stage != null) {
            return en ? stage.nameEn() : stage.nameZh();
        }
        return code;
    }

    static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
