package org.policyevaluator.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyevaluator.rules.PolicyTables;
import org.policyevaluator.rules.RuleBase;

/**
 * Fills a message template with the values a rule used. {key} prints a value as it is; {key:pct}
 * prints a share as a percentage; {key:name} prints enum codes by their names in the tables.
 * A value that was not declared prints as such, never as an empty string or a zero.
 */
public final class ReasonRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)(?::(pct|name))?}");

    private final RuleBase ruleBase;

    public ReasonRenderer(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    public String render(String template, Map<String, Object> values, String lang) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String text = values.containsKey(key) ? format(values.get(key), m.group(2), lang) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
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
            BigDecimal d = new BigDecimal(n.toString());
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
        if (t.techAreas().containsKey(code)) {
            var i = t.techArea(code);
            return en ? i.nameEn() : i.nameZh();
        }
        if (t.sectors().containsKey(code)) {
            var i = t.sector(code);
            return en ? i.nameEn() : i.nameZh();
        }
        if (t.qualifications().containsKey(code)) {
            var i = t.qualification(code);
            return en ? i.nameEn() : i.nameZh();
        }
        if (t.stages().containsKey(code)) {
            var i = t.stages().get(code);
            return en ? i.nameEn() : i.nameZh();
        }
        return code;
    }

    static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
