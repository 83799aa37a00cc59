package org.policyevaluator.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a list field is written as text, in both directions, with the separators and item pattern the
 * schema gives it: the one parser for a spreadsheet cell, a form input and {@code whatif --set}
 * ("Ascend 910B*512; NVIDIA A800*64", "AI_CHIP;AGENT").
 */
public final class FieldText {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<List<String>, Pattern> SPLITTERS = new java.util.concurrent.ConcurrentHashMap<>();

    private FieldText() {
    }

    /** The items of a list written as text: split at the field's separators, stripped, blanks dropped. */
    public static List<String> split(FieldDef field, String text) {
        List<String> out = new ArrayList<>();
        for (String part : splitter(field.separators()).split(Text.normal(text))) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static Pattern splitter(List<String> separators) {
        return SPLITTERS.computeIfAbsent(separators, s -> {
            StringBuilder regex = new StringBuilder("(?:");
            for (String sep : s) {
                regex.append(regex.length() > 3 ? "|" : "").append(Pattern.quote(sep));
                if (sep.equals("\n")) {
                    regex.append("|\\r");
                }
            }
            return Pattern.compile(regex.append(")+").toString());
        });
    }

    /**
     * One item of a list of objects written as text ("Ascend 910B*512") as JSON, by the field's
     * x-item-pattern (its named groups are the item's properties); null when the text does not match.
     * A whole number may carry thousands separators ("1,024").
     */
    public static ObjectNode item(FieldDef field, String text) {
        Matcher m = field.itemPattern().matcher(Text.normal(text));
        if (!m.matches()) {
            return null;
        }
        ObjectNode item = NODES.objectNode();
        for (FieldDef p : field.itemFields()) {
            String v;
            try {
                v = m.group(p.property());
            } catch (IllegalArgumentException noSuchGroup) {
                continue;
            }
            if (v == null) {
                continue;
            }
            v = v.strip();
            if (p.type().isNumeric()) {
                String digits = v.replace(",", "");
                try {
                    BigDecimal n = new BigDecimal(digits);
                    item.set(p.property(), p.type() == FieldType.INTEGER && n.scale() <= 0
                            && n.precision() <= 18 ? NODES.numberNode(n.longValueExact()) : NODES.numberNode(n));
                } catch (NumberFormatException | ArithmeticException e) {
                    item.put(p.property(), v); // left to the validator, which names what was expected
                }
            } else {
                item.put(p.property(), v);
            }
        }
        return item;
    }

    /** A value as a person would type it: a list joined by "; ", an item as x-item-format writes it (model*count). */
    public static String format(FieldDef field, Object value) {
        if (value == null) {
            return "";
        }
        if (field.type() == FieldType.ITEMS) {
            List<String> items = new ArrayList<>();
            for (Object o : (List<?>) value) {
                Map<?, ?> item = (Map<?, ?>) o;
                String text = field.itemFormat();
                for (FieldDef p : field.itemFields()) {
                    text = text.replace("{" + p.property() + "}", plain(item.get(p.property())));
                }
                items.add(text);
            }
            return String.join("; ", items);
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(o -> items.add(plain(o)));
            return String.join("; ", items);
        }
        return plain(value);
    }

    private static String plain(Object v) {
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return v == null ? "" : v.toString();
    }
}
