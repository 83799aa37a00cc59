package org.policyevaluator.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.report.CatalogueReport;

/**
 * Writes the Excel files the web offers: the evaluation workbook of a batch and the blank application
 * template. Implemented over {@code report.xlsx.WorkbookReport} and {@code template.TemplateWriter};
 * while no bean implements it, {@code ?format=xlsx} and {@code /api/template.xlsx} answer 501.
 */
public interface WorkbookRenderer {

    void writeReport(BatchResult batch, List<Problem> warnings, CatalogueReport.Catalogue catalogue, String lang,
                     OutputStream out) throws IOException;

    void writeTemplate(OutputStream out) throws IOException;
}
