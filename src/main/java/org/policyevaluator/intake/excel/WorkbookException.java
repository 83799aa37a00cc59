package org.policyevaluator.intake.excel;

import org.policyevaluator.intake.InputException;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;

/**
 * A file that cannot be used as a workbook: the kind of failure (worded per language from
 * problem.workbook.KIND) and the English detail of why, in one line.
 */
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

    public WorkbookException(Kind kind, String source, String detail) {
        super(Problem.of(Location.InFile.of(source), "problem.workbook." + kind.name(), "detail", detail),
                source + ": " + detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
