package org.policyevaluator.intake.excel;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.policyevaluator.intake.Found;
import org.policyevaluator.intake.Phrase;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.FieldText;
import org.policyevaluator.model.FieldType;
import org.policyevaluator.model.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a cell into a field's canonical JSON value, forgiving what spreadsheets do: numbers stored as
 * text, percentages written or formatted as such, booleans as 是/否, Y/N, 1/0, lists written as the
 * schema says ({@link FieldText}), codes by their names. What cannot be read is a problem for the user,
 * with what was expected; values that are readable but wrong (out of range, unknown codes) are left to
 * the schema's validator.
 */
final class CellValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // compiled once: every cell of a large workbook goes through these
    private static final java.util.regex.Pattern THOUSANDS = java.util.regex.Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Set<String> TRUE = Set.of("true", "是", "y", "yes", "1", "是yes", "✓", "√");
    private static final Set<String> FALSE = Set.of("false", "否", "n", "no", "0", "否no", "✗", "×");

    /** A converted cell: a value, or a problem without its location yet (never both). */
    record Result(JsonNode value, Problem problem) {
        static Result of(JsonNode v) {
            return new Result(v, null);
        }

        static Result problem(FieldDef f, Found found) {
            return new Result(null, Problem.of(null, "problem.expected", "field", f.path(), "expected", expected(f),
                    "found", found));
        }
    }

    private CellValues() {
    }

    static Result convert(RawCell cell, FieldDef field) {
        if (cell.type() == RawCell.Type.ERROR) {
            return new Result(null, Problem.of(null, "problem.cell.error", "field", field.path(), "error", cell.text(),
                    "expected", expected(field)));
        }
        return switch (field.type()) {
            case TEXT -> Result.of(NODES.stringNode(asText(cell)));
            case INTEGER -> number(cell, field, false);
            case NUMBER -> number(cell, field, true);
            case BOOLEAN -> bool(cell, field);
            case CODE -> Result.of(NODES.stringNode(code(field, asText(cell).strip())));
            case CODE_LIST -> {
                ArrayNode list = NODES.arrayNode();
                for (String item : FieldText.split(field, asText(cell))) {
                    list.add(code(field, item));
                }
                yield Result.of(list);
            }
            case ITEMS -> items(cell, field);
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

    /** A code by its code, either name, or a text holding it; the text itself when it names none (the validator says so). */
    private static String code(FieldDef field, String text) {
        String code = field.codes() == null ? null : field.codes().resolve(text);
        return code != null ? code : text;
    }

    private static Result number(RawCell c, FieldDef field, boolean decimals) {
        BigDecimal v;
        if (c.type() == RawCell.Type.NUMBER) {
            if (c.date() != null) {
                return Result.problem(field, new Found(Found.Kind.DATE, date(c.date())));
            }
            if (!Double.isFinite(c.number())) {
                return Result.problem(field, Found.value(Double.toString(c.number())));
            }
            v = BigDecimal.valueOf(c.number());
            // a cell that stores 0.72 and shows 72%: a percent field wants 72
            if (c.percent() && field.isPercent()) {
                v = v.movePointRight(2);
            }
            return Result.of(numberNode(v, decimals));
        }
        if (c.type() == RawCell.Type.BOOLEAN) {
            return Result.problem(field, new Found(c.bool() ? Found.Kind.TRUE : Found.Kind.FALSE, null));
        }
        String s = Text.normal(c.text()).replace(" ", "");
        boolean percent = s.endsWith("%");
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
            return Result.problem(field, Found.text(c.text()));
        }
        if (percent) {
            if (!field.isShare() && !field.isPercent()) {
                return Result.problem(field, new Found(Found.Kind.PERCENTAGE, Found.shorten(c.text())));
            }
            if (field.isShare()) {
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

    private static Result bool(RawCell c, FieldDef field) {
        switch (c.type()) {
            case BOOLEAN -> {
                return Result.of(NODES.booleanNode(c.bool()));
            }
            case NUMBER -> {
                if (c.number() == 1 || c.number() == 0) {
                    return Result.of(NODES.booleanNode(c.number() == 1));
                }
                return Result.problem(field, new Found(Found.Kind.NUMBER, plain(c.number())));
            }
            default -> {
                String k = Text.key(c.text()).replace("/", "");
                if (TRUE.contains(k)) {
                    return Result.of(NODES.booleanNode(true));
                }
                if (FALSE.contains(k)) {
                    return Result.of(NODES.booleanNode(false));
                }
                return Result.problem(field, Found.text(c.text()));
            }
        }
    }

    /** A list of objects written as text ("Ascend 910B*512; NVIDIA A800*64"), read by the field's item pattern. */
    private static Result items(RawCell c, FieldDef field) {
        ArrayNode list = NODES.arrayNode();
        List<String> items = FieldText.split(field, asText(c));
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ObjectNode item = FieldText.item(field, items.get(i));
            if (item == null) {
                wrong.add((i + 1) + " \"" + Found.shorten(items.get(i)) + "\"");
            } else {
                list.add(item);
            }
        }
        if (!wrong.isEmpty()) {
            return new Result(null, Problem.of(null, "problem.cell.items", "field", field.path(),
                    "items", String.join(", ", wrong)));
        }
        return Result.of(list);
    }

    /** What a cell of the field's kind may hold, as a message of the bundles (cellExpected.*). */
    static Phrase expected(FieldDef f) {
        String kind = switch (f.type()) {
            case TEXT -> "text";
            case INTEGER -> "integer";
            case NUMBER -> f.isShare() ? "share" : f.isPercent() ? "percent" : "number";
            case BOOLEAN -> "boolean";
            case CODE -> "code";
            case CODE_LIST -> "codeList";
            case ITEMS -> "items";
        };
        return new Phrase("cellExpected." + kind);
    }
}
