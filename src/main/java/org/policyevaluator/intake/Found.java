package org.policyevaluator.intake;

/**
 * What was given where something else was expected, before it is worded: a text, a number, true or
 * false, a list, an object, nothing, a date or a percentage written in a cell. {@code value} is the
 * value as given (a text shortened to 40 characters).
 */
public record Found(Kind kind, String value) {

    /** VALUE: a number in range terms ("found -3"); HUGE: a number too large to use. */
    public enum Kind { TEXT, NUMBER, VALUE, HUGE, TRUE, FALSE, LIST, OBJECT, NOTHING, DATE, PERCENTAGE, CELL_ERROR }

    /** What a JSON value is. */
    public static Found of(tools.jackson.databind.JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return new Found(Kind.NOTHING, null);
        }
        if (n.isString()) {
            return text(n.asString());
        }
        if (n.isNumber()) {
            return Double.isFinite(n.doubleValue()) ? new Found(Kind.NUMBER, n.toString()) : new Found(Kind.HUGE, null);
        }
        if (n.isBoolean()) {
            return new Found(n.booleanValue() ? Kind.TRUE : Kind.FALSE, null);
        }
        return new Found(n.isArray() ? Kind.LIST : Kind.OBJECT, null);
    }

    /** A number out of range, as it was written ("found -3"). */
    public static Found value(tools.jackson.databind.JsonNode n) {
        if (n != null && n.isNumber() && !Double.isFinite(n.doubleValue())) {
            return new Found(Kind.HUGE, null);
        }
        return n != null && n.isNumber() ? new Found(Kind.VALUE, n.toString()) : of(n);
    }

    public static Found text(String s) {
        return new Found(Kind.TEXT, shorten(s));
    }

    /** A number shown as it was written, e.g. "-3" in "found -3". */
    public static Found value(String n) {
        return new Found(Kind.VALUE, n);
    }

    public static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
