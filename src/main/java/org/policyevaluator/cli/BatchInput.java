package org.policyevaluator.cli;

import java.nio.file.Path;
import java.util.List;
import org.policyevaluator.evaluation.BatchEvaluator;
import org.policyevaluator.intake.InputException;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;

/**
 * Reads application files, JSON or workbooks (told apart by content), into a batch; an unusable file
 * is listed as rejected and the others go on.
 */
final class BatchInput {
    private BatchInput() {
    }

    /** @return how many files could not be used at all */
    static int read(List<Path> files, JsonIntake intake, ExcelSupport excel, BatchEvaluator batch) {
        int unusable = 0;
        for (Path file : files) {
            try {
                if (ExcelSupport.isWorkbook(file)) {
                    excel.read(file, batch::accept, batch::reject);
                } else {
                    intake.read(file, batch::accept, batch::reject);
                }
            } catch (InputException e) {
                unusable++;
                batch.reject(new Rejection(file.toString(), "$", null, List.of(new Problem(file.toString(), e.getMessage()))));
            }
        }
        return unusable;
    }
}
