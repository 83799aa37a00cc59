package org.policyevaluator.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyevaluator.evaluation.BatchEvaluator;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.model.Application;
import org.policyevaluator.report.CatalogueReport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What every door of the web shares: checks the programme and language asked for, reads an upload with
 * the reader its content calls for, and evaluates it with the one {@link Evaluator} — the same batch,
 * ranking and JSON as {@code evaluate} on the command line.
 */
@Component
class Evaluations {

    /** A batch's result with what the pages need beside it: warnings, and each evaluation's application. */
    public record Batch(BatchResult result, List<Problem> warnings, Map<String, Application> applications, String program,
                 String lang, List<Object> inputs, boolean suggest, Applied applied) {

        public Application application(Evaluation e) {
            return applications.get(e.applicationId());
        }
    }

    /** A suggestion applied in the UI: what changed and the total before, shown beside the new score. */
    public record Applied(String text, java.math.BigDecimal totalBefore) {
    }

    private final Evaluator evaluator;
    private final ApplicationReaders readers;
    private final ObjectProvider<WorkbookRenderer> renderers;

    Evaluations(Evaluator evaluator, ApplicationReaders readers, ObjectProvider<WorkbookRenderer> renderers) {
        this.evaluator = evaluator;
        this.readers = readers;
        this.renderers = renderers;
    }

    Evaluator evaluator() {
        return evaluator;
    }

    Set<String> programmes() {
        return evaluator.ruleBase().tables().programmes().keySet();
    }

    /** The programme asked for, or null (each application's own); an unknown one is a 400. */
    String program(String program) {
        if (program == null || program.isBlank()) {
            return null;
        }
        if (!programmes().contains(program)) {
            throw WebProblem.badParameter("program", "unknown programme \"" + program + "\"; expected one of: "
                    + String.join(", ", programmes()));
        }
        return program;
    }

    /** zh (the default) or en; anything else is a 400. */
    static String lang(String lang) {
        if (lang == null || lang.isBlank()) {
            return "zh";
        }
        if (!lang.equals("zh") && !lang.equals("en")) {
            throw WebProblem.badParameter("lang", "expected zh or en, found \"" + lang + "\"");
        }
        return lang;
    }

    /**
     * Reads and evaluates an upload. Suggestions are on by default for a single application and off for
     * a batch (each costs about ten more evaluations). A body of which no application can be evaluated is
     * a 400 listing every problem; one with some rejected is a result that lists them, as the CLI's exit 3.
     */
    Batch evaluate(Upload upload, String program, String lang, Boolean suggestions) {
        String p = program(program);
        String l = lang(lang);
        // intake order is kept, so that rejections are listed as the CLI lists them
        List<Object> read = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        readers.read(upload, read::add, read::add, warnings::add);
        boolean suggest = suggestions != null ? suggestions : read.size() == 1;
        Batch batch = run(read, warnings, p, l, suggest, null);
        BatchResult result = batch.result();
        if (result.evaluatedCount() == 0) {
            List<Problem> errors = new ArrayList<>();
            result.rejected().forEach(r -> errors.addAll(r.problems()));
            throw new WebProblem(HttpStatus.BAD_REQUEST, "No application could be evaluated",
                    result.rejectedCount() + (result.rejectedCount() == 1 ? " application" : " applications")
                            + " rejected, none evaluated: see errors", errors);
        }
        return batch;
    }

    /** One application from the form or a suggestion applied: a batch of one, with suggestions. */
    Batch single(Application app, String source, String program, String lang, Applied applied) {
        return run(List.of(new Submission(source, "$", app)), List.of(), program(program), lang(lang), true, applied);
    }

    /** The same batch with its texts in another language (the UI's language switch). */
    Batch inLanguage(Batch batch, String lang) {
        return lang(lang).equals(batch.lang()) ? batch
                : run(batch.inputs(), batch.warnings(), batch.program(), lang, batch.suggest(), batch.applied());
    }

    private Batch run(List<Object> read, List<Problem> warnings, String p, String l, boolean suggest, Applied applied) {
        BatchEvaluator batch = new BatchEvaluator(evaluator, p, l, suggest);
        Map<String, Application> applications = new LinkedHashMap<>();
        for (Object o : read) {
            if (o instanceof Submission s) {
                applications.putIfAbsent(s.application().applicationId(), s.application());
                batch.accept(s);
            } else {
                batch.reject((Rejection) o);
            }
        }
        return new Batch(batch.result(), List.copyOf(warnings), applications, p, l, List.copyOf(read), suggest, applied);
    }

    /** A self-assessment of one application: evaluated with verified suggestions. */
    Evaluation assess(Application app, String program, String lang) {
        return evaluator.assess(app, evaluator.programFor(app, program(program)), lang(lang));
    }

    boolean writesWorkbooks() {
        return renderers.getIfAvailable() != null;
    }

    byte[] workbook(Batch batch) {
        WorkbookRenderer renderer = renderer("the evaluation workbook");
        var catalogue = CatalogueReport.build(evaluator, batch.program() != null ? batch.program()
                : evaluator.defaultProgramme());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            renderer.writeReport(batch.result(), batch.warnings(), catalogue, batch.lang(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] template() {
        WorkbookRenderer renderer = renderer("the application template");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            renderer.writeTemplate(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private WorkbookRenderer renderer(String what) {
        WorkbookRenderer renderer = renderers.getIfAvailable();
        if (renderer == null) {
            String message = what + " cannot be written by this build yet (the Excel report is not installed); "
                    + "ask for JSON";
            throw new WebProblem(HttpStatus.NOT_IMPLEMENTED, "Excel not supported yet", message,
                    List.of(new Problem("format", message)));
        }
        return renderer;
    }
}
