package org.policyevaluator.model;

/** The shape of a field's value, as the schema's type (and x-codes) make it. */
public enum FieldType {
    /** a string */
    TEXT,
    /** a number, held as a double */
    NUMBER,
    /** a whole number */
    INTEGER,
    BOOLEAN,
    /** one code of a code table */
    CODE,
    /** a list of codes of a code table; duplicates count once */
    CODE_LIST,
    /** a list of objects with fields of their own (the chip inventory) */
    ITEMS;

    public boolean isList() {
        return this == CODE_LIST || this == ITEMS;
    }

    public boolean isNumeric() {
        return this == NUMBER || this == INTEGER;
    }
}
