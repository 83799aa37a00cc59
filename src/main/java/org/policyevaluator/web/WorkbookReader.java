package org.policyevaluator.web;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;

/**
 * Reads applications from an Excel workbook (.xlsx or .xls) saved to a temporary file. Implemented over
 * the Excel intake ({@code intake.excel.WorkbookIntake}); while no bean implements it, workbook uploads
 * are refused with 415. An unusable workbook throws an {@code InputException} whose message says where.
 */
public interface WorkbookReader {

    void read(Path file, String source, Consumer<Submission> accepted, Consumer<Rejection> rejected,
              Consumer<Problem> warnings);
}
