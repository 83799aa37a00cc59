package org.policyevaluator.intake.excel;

import org.policyevaluator.intake.InputException;

/** A file that cannot be used as a workbook, with why in one line and the kind of failure for callers. */
public final class WorkbookException extends InputException {
    public enum Kind {
        /** Read fine, but no sheet holds applications. */
        NO_APPLICATIONS,
        ENCRYPTED,
        /** A real spreadsheet format that is not read (Excel 95, .xlsb, Excel 2003 XML). */
        UNSUPPORTED,
        NOT_A_WORKBOOK,
        DAMAGED,
        /** Refused as hostile or over a limit: entity expansion, zip bomb, ambiguous package, huge text. */
        UNSAFE,
        UNREADABLE
    }

    private final Kind kind;

    public WorkbookException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
