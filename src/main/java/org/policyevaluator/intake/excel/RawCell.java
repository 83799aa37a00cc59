package org.policyevaluator.intake.excel;

import java.time.LocalDateTime;

/**
 * One cell as stored in a sheet, before it is given a field's meaning. {@code column} is 0-based.
 * A formula cell carries its cached value; {@link Type#NO_CACHED_VALUE} marks one saved without it.
 */
public record RawCell(int column, Type type, String text, double number, boolean bool, boolean percent,
                      LocalDateTime date) {

    public enum Type { TEXT, NUMBER, BOOLEAN, ERROR, NO_CACHED_VALUE }

    static RawCell text(int column, String text) {
        return new RawCell(column, Type.TEXT, text, 0, false, false, null);
    }

    static RawCell number(int column, double v, boolean percent, LocalDateTime date) {
        return new RawCell(column, Type.NUMBER, null, v, false, percent, date);
    }

    static RawCell bool(int column, boolean b) {
        return new RawCell(column, Type.BOOLEAN, null, 0, b, false, null);
    }

    static RawCell error(int column, String code) {
        return new RawCell(column, Type.ERROR, code, 0, false, false, null);
    }

    static RawCell noCachedValue(int column) {
        return new RawCell(column, Type.NO_CACHED_VALUE, null, 0, false, false, null);
    }

    RawCell at(int newColumn) {
        return new RawCell(newColumn, type, text, number, bool, percent, date);
    }

    /** Blank: an empty or white-space text. */
    public boolean isBlank() {
        return type == Type.TEXT && text.isBlank();
    }
}
