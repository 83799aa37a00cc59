package org.policyevaluator.web;

import java.util.ArrayList;
import java.util.List;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.report.DocxReport;
import org.policyevaluator.report.JsonReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The result page of one evaluation of a batch, in memory or stored: total, grade, gates, flags, the chart,
 * findings with their clauses, why not, and the verified suggestions with the buttons that apply them.
 */
@Component
class ResultPages {
    private final Pages pages;
    private final Evaluations evaluations;

    ResultPages(Pages pages, Evaluations evaluations) {
        this.pages = pages;
        this.evaluations = evaluations;
    }

    /** The evaluation at {@code index}, else 404. */
    Evaluation evaluation(Evaluations.Batch batch, int index) {
        if (index < 0 || index >= batch.result().evaluations().size()) {
            throw WebProblem.of(HttpStatus.NOT_FOUND, "error.title.notFound", "error.notFound.index", "index", index);
        }
        return evaluations.withSuggestions(batch, index);
    }

    /**
     * @param base the page's own path: the language switch leads there, the JSON of the result is below it
     */
    ModelAndView page(Evaluations.Batch batch, String batchId, int index, String base) {
        String lang = batch.lang();
        Evaluation e = evaluation(batch, index);
        ModelAndView mv = pages.page("result", lang, base);
        mv.addObject("batchId", batchId);
        mv.addObject("index", index);
        mv.addObject("batch", batch);
        mv.addObject("e", e);
        mv.addObject("stored", false);
        mv.addObject("jsonHref", base + "/result.json");
        mv.addObject("docxHref", base + "/report.docx");
        mv.addObject("applicationJson", FormFields.json(batch.application(e)));
        mv.addObject("chart", SvgChart.bars(e.dimensions(), pages.texts().text("result.chart", lang)));
        mv.addObject("programme", evaluations.evaluator().ruleBase().tables().programme(e.program()));
        List<String> changesJson = new ArrayList<>();
        if (e.suggestions() != null) {
            e.suggestions().forEach(s -> changesJson.add(JsonIntake.mapper().writeValueAsString(s.changes())));
        }
        mv.addObject("changesJson", changesJson);
        return mv;
    }

    /** The result as a Word document (the self-assessment report, or with the panel's part the summary report). */
    ResponseEntity<byte[]> docx(Evaluations.Batch batch, int index, DocxReport.PanelPart panel) {
        Evaluation e = evaluation(batch, index);
        byte[] bytes = new DocxReport(batch.lang()).write(e,
                evaluations.evaluator().ruleBase().tables().programme(e.program()).name(batch.lang()), panel);
        return ResponseEntity.ok().contentType(DOCX).header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                org.springframework.http.ContentDisposition.attachment()
                        .filename(e.applicationId().replaceAll("[^A-Za-z0-9._-]", "_") + ".docx").build().toString())
                .body(bytes);
    }

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /** The result as the API words it, for the page's download link. */
    ResponseEntity<String> json(Evaluations.Batch batch, int index) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JsonReport.toJson(evaluation(batch, index)));
    }
}
