package org.policyevaluator.intake.excel;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a cell into a field's canonical JSON value, forgiving what spreadsheets do: numbers stored as
 * text, percentages written or formatted as such, booleans as 是/否, Y/N, 1/0, lists separated by
 * ; , 、 or new lines. What cannot be read is a problem for the user, with what was expected; values that
 * are readable but wrong (out of range, unknown codes) are left to the shared validator.
 */
final class CellValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[;,、\\n\\r]+");
    private static final Pattern CHIP_SEPARATORS = Pattern.compile("[;、\\n\\r]+");
    // compiled once: every cell of a large workbook goes through these
    private static final Pattern CODE_SEPARATORS = Pattern.compile("[\\s()（）/]+");
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");
    private static final Set<String> TRUE = Set.of("true", "是", "y", "yes", "1", "是yes", "✓", "√");
    private static final Set<String> FALSE = Set.of("false", "否", "n", "no", "0", "否no", "✗", "×");

    /** A converted cell: a value, or a problem (never both). */
    record Result(JsonNode value, String problem) {
        static Result of(JsonNode v) {
            return new Result(v, null);
        }

        static Result problem(String p) {
            return new Result(null, p);
        }
    }

    private CellValues() {
    }

    static Result convert(RawCell cell, Field field, EnumValues enums) {
        if (cell.type() == RawCell.Type.ERROR) {
            return Result.problem("the cell shows the error " + cell.text() + "; expected " + expected(field));
        }
        return switch (field.kind()) {
            case TEXT -> Result.of(NODES.stringNode(asText(cell)));
            case INTEGER -> number(cell, field, false, false);
            case NUMBER -> number(cell, field, true, false);
            case SHARE, PERCENT -> number(cell, field, true, true);
            case BOOLEAN -> bool(cell, field);
            case ENUM -> Result.of(NODES.stringNode(enumCode(enums, field, asText(cell).strip())));
            case ENUM_LIST -> {
                ArrayNode list = NODES.arrayNode();
                for (String item : split(asText(cell), LIST_SEPARATORS)) {
                    list.add(enumCode(enums, field, item));
                }
                yield Result.of(list);
            }
            case CHIPS -> chips(cell);
        };
    }

    /** The cell as text, as a person reads it: whole numbers without ".0", dates as ISO dates. */
    static String asText(RawCell c) {
        return switch (c.type()) {
            case TEXT, ERROR -> c.text();
            case BOOLEAN -> c.bool() ? "TRUE" : "FALSE";
            case NUMBER -> c.date() != null ? date(c.date()) : plain(c.number());
            case NO_CACHED_VALUE -> "";
        };
    }

    static String plain(double d) {
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDateTime d) {
        return d.toLocalTime().toSecondOfDay() == 0 && d.getNano() == 0 ? d.toLocalDate().toString()
                : d.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    private static String enumCode(EnumValues enums, Field field, String text) {
        String code = enums.code(field.enumType(), text);
        if (code == null) {
            // "ENTERPRISE 企业" or "企业 (ENTERPRISE)": a code anywhere in the text names the value
            for (String part : CODE_SEPARATORS.split(Text.normal(text))) {
                String c = part.isEmpty() ? null : enums.code(field.enumType(), part);
                if (c != null) {
                    return c;
                }
            }
        }
        return code != null ? code : text;
    }

    private static Result number(RawCell c, Field field, boolean decimals, boolean percentField) {
        BigDecimal v;
        boolean percent;
        if (c.type() == RawCell.Type.NUMBER) {
            if (c.date() != null) {
                return Result.problem("expected " + expected(field) + ", found the date " + date(c.date()));
            }
            if (!Double.isFinite(c.number())) {
                return Result.problem("expected " + expected(field) + ", found " + c.number());
            }
            v = BigDecimal.valueOf(c.number());
            percent = c.percent();
            if (percent) {
                // the cell stores 0.72 and shows 72%
                v = field.kind() == Field.Kind.PERCENT ? v.movePointRight(2) : v;
                return Result.of(numberNode(v, decimals));
            }
            return Result.of(numberNode(v, decimals));
        }
        if (c.type() == RawCell.Type.BOOLEAN) {
            return Result.problem("expected " + expected(field) + ", found " + (c.bool() ? "TRUE" : "FALSE"));
        }
        String s = Text.normal(c.text()).replace(" ", "");
        percent = s.endsWith("%");
        if (percent) {
            s = s.substring(0, s.length() - 1);
        }
        // thousands separators: "1,200" or "1,200.5"
        if (THOUSANDS.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        try {
            if (s.length() > 40) {
                throw new NumberFormatException();
            }
            v = new BigDecimal(s);
        } catch (NumberFormatException e) {
            return Result.problem("expected " + expected(field) + ", found the text \"" + shorten(c.text()) + "\"");
        }
        if (percent) {
            if (!percentField) {
                return Result.problem("expected " + expected(field) + ", found the percentage \"" + shorten(c.text()) + "\"");
            }
            if (field.kind() == Field.Kind.SHARE) {
                v = v.movePointLeft(2);
            }
        }
        return Result.of(numberNode(v, decimals));
    }

    private static JsonNode numberNode(BigDecimal v, boolean decimals) {
        BigDecimal stripped = v.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return NODES.numberNode(stripped.longValueExact());
        }
        return decimals || stripped.scale() > 0 ? NODES.numberNode(v.doubleValue()) : NODES.numberNode(stripped.toBigInteger());
    }

    private static Result bool(RawCell c, Field field) {
        switch (c.type()) {
            case BOOLEAN -> {
                return Result.of(NODES.booleanNode(c.bool()));
            }
            case NUMBER -> {
                if (c.number() == 1 || c.number() == 0) {
                    return Result.of(NODES.booleanNode(c.number() == 1));
                }
                return Result.problem("expected " + expected(field) + ", found the number " + plain(c.number()));
            }
            default -> {
                String k = Text.key(c.text()).replace("/", "");
                if (TRUE.contains(k)) {
                    return Result.of(NODES.booleanNode(true));
                }
                if (FALSE.contains(k)) {
                    return Result.of(NODES.booleanNode(false));
                }
                return Result.problem("expected " + expected(field) + ", found the text \"" + shorten(c.text()) + "\"");
            }
        }
    }

    /** "Ascend 910B*512; NVIDIA A800*64" as [{"model":"Ascend 910B","count":512}, ...]. */
    private static Result chips(RawCell c) {
        ArrayNode list = NODES.arrayNode();
        List<String> items = split(asText(c), CHIP_SEPARATORS);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = Text.normal(items.get(i));
            int star = Math.max(item.lastIndexOf('*'), item.lastIndexOf('×'));
            if (star < 0) {
                wrong.add("item " + (i + 1) + " \"" + shorten(item) + "\" has no count");
                continue;
            }
            ObjectNode chip = list.addObject();
            chip.put("model", item.substring(0, star).strip());
            String count = item.substring(star + 1).strip().replace(",", "");
            if (COUNT.matcher(count).matches()) {
                chip.put("count", Long.parseLong(count));
            } else {
                chip.put("count", count);
            }
        }
        if (!wrong.isEmpty()) {
            return Result.problem(String.join("; ", wrong) + "; write each chip as model*count, separated by ; "
                    + "(e.g. Ascend 910B*512; NVIDIA A800*64)");
        }
        return Result.of(list);
    }

    static List<String> split(String s, Pattern separators) {
        List<String> out = new ArrayList<>();
        for (String part : separators.split(Text.normal(s))) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    static String expected(Field f) {
        return switch (f.kind()) {
            case TEXT -> "a text";
            case INTEGER -> "a whole number";
            case NUMBER -> "a number";
            case SHARE -> "a share from 0 to 1 or a percentage (0.72 or 72%)";
            case PERCENT -> "a percentage from 0 to 100 (22 or 22%)";
            case BOOLEAN -> "是/否, TRUE/FALSE, Y/N or 1/0";
            case ENUM -> "one of the listed values";
            case ENUM_LIST -> "values from the list, separated by ;";
            case CHIPS -> "model*count separated by ; (e.g. Ascend 910B*512; NVIDIA A800*64)";
        };
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
