package org.policyevaluator.intake.excel;

import java.util.List;

/** Receives a workbook's sheets in tab order, row by row (rows in increasing order, blank cells left out). */
public interface SheetVisitor {
    /** A sheet begins; return false to skip its rows. */
    boolean startSheet(String name, boolean hidden);

    /** One row that holds at least one cell; {@code row} is 0-based, cells in increasing column order. */
    void row(int row, List<RawCell> cells);

    void endSheet();
}
