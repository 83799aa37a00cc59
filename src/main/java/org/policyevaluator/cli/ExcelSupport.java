package org.policyevaluator.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.policyevaluator.batch.BatchRun;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.intake.excel.WorkbookFiles;
import org.policyevaluator.intake.excel.WorkbookIntake;
import org.policyevaluator.report.CatalogueReport;
import org.policyevaluator.report.xlsx.WorkbookReport;

/** What the evaluate command needs for Excel: reading workbooks (warnings to standard error) and the report. */
final class ExcelSupport {
    private final Evaluator evaluator;
    private final PrintWriter err;
    private final String lang;
    private final WorkbookIntake intake;
    private final List<Problem> warnings = new ArrayList<>();

    ExcelSupport(Evaluator evaluator, PrintWriter err, String lang) {
        this.evaluator = evaluator;
        this.err = err;
        this.lang = lang;
        this.intake = new WorkbookIntake(evaluator.ruleBase().reader());
    }

    /** By content (ZIP or OLE2 magic), else by an Excel file name. */
    static boolean isWorkbook(Path file) {
        return WorkbookFiles.isWorkbook(file);
    }

    void read(Path file, Consumer<Submission> accepted, Consumer<Rejection> rejected) {
        intake.read(file, accepted, rejected, w -> {
            warnings.add(w);
            err.println(("en".equals(lang) ? "warning: " : "警告：") + evaluator.ruleBase().problemTexts().line(w, lang));
        });
    }

    /**
     * The report of a batch: its evaluations are worded in rank order as the report writes them, without the
     * why-not it does not print.
     */
    void writeReport(BatchRun.Result result, String program, Path out) {
        var texts = evaluator.ruleBase().problemTexts();
        write(out, program, (catalogue, o) -> new WorkbookReport(lang).write(result.rankedRows(lang),
                result.evaluations(result.rowsInRankOrder(), lang, false), result.rejectedViews(lang),
                warnings.stream().map(w -> texts.view(w, lang)).toList(), catalogue, o));
    }

    private interface ReportWriter {
        void write(CatalogueReport.Catalogue catalogue, OutputStream out) throws IOException;
    }

    private void write(Path out, String program, ReportWriter writer) {
        var catalogue = CatalogueReport.build(evaluator, program != null ? program : evaluator.defaultProgramme());
        try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(out))) {
            writer.write(catalogue, o);
        } catch (IOException e) {
            throw Output.cannotWrite(out, e);
        }
    }
}
