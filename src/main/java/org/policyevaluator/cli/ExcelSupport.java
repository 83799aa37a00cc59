package org.policyevaluator.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.policyevaluator.batch.BatchOutput;
import org.policyevaluator.batch.StreamingBatch;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.intake.excel.EnumValues;
import org.policyevaluator.intake.excel.WorkbookFiles;
import org.policyevaluator.intake.excel.WorkbookIntake;
import org.policyevaluator.report.CatalogueReport;
import org.policyevaluator.report.xlsx.WorkbookReport;

/** What the evaluate command needs for Excel: reading workbooks (warnings to standard error) and the report. */
final class ExcelSupport {
    private final Evaluator evaluator;
    private final PrintWriter err;
    private final WorkbookIntake intake;
    private final List<Problem> warnings = new ArrayList<>();

    ExcelSupport(Evaluator evaluator, PrintWriter err) {
        this.evaluator = evaluator;
        this.err = err;
        this.intake = new WorkbookIntake(evaluator.ruleBase().tables().programmes().keySet(),
                EnumValues.from(evaluator.ruleBase().tables()));
    }

    /** By content (ZIP or OLE2 magic), else by an Excel file name. */
    static boolean isWorkbook(Path file) {
        return WorkbookFiles.isWorkbook(file);
    }

    void read(Path file, Consumer<Submission> accepted, Consumer<Rejection> rejected) {
        intake.read(file, accepted, rejected, w -> {
            warnings.add(w);
            err.println("warning: " + w);
        });
    }

    /** The report of a streamed batch: its evaluations are read back from the spool in rank order. */
    void writeReport(StreamingBatch.Result result, String program, String lang, Path out) {
        write(out, program, (catalogue, o) -> new WorkbookReport(lang).write(BatchOutput.rankedRows(result),
                result.evaluationsForReport(result.rowsInRankOrder()), result.rejected(), warnings, catalogue, o));
    }

    void writeReport(BatchResult result, String program, String lang, Path out) {
        write(out, program, (catalogue, o) -> new WorkbookReport(lang).write(result, warnings, catalogue, o));
    }

    private interface ReportWriter {
        void write(CatalogueReport.Catalogue catalogue, OutputStream out) throws IOException;
    }

    private void write(Path out, String program, ReportWriter writer) {
        var catalogue = CatalogueReport.build(evaluator, program != null ? program : evaluator.defaultProgramme());
        try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(out))) {
            writer.write(catalogue, o);
        } catch (IOException e) {
            throw new Main.UsageException(out + ": cannot be written: " + e.getMessage());
        }
    }
}
