package org.policyevaluator.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.policyevaluator.batch.BatchRun;
import org.policyevaluator.batch.ScoreRow;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.evaluation.Outcome;
import org.policyevaluator.evaluation.Ranking;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.ProblemTexts;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.model.Application;
import org.policyevaluator.report.CatalogueReport;
import org.policyevaluator.report.xlsx.WorkbookReport;
import org.policyevaluator.template.TemplateWriter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What every door of the web shares: checks the programme and language asked for, reads an upload with
 * the reader its content calls for, and evaluates it through the same pipeline as {@code evaluate} on
 * the command line ({@link BatchRun}, kept in memory). A batch keeps its outcomes, so that the UI's
 * language switch words it again without evaluating it again.
 */
@Component
class Evaluations {

    /**
     * A batch in one language, with what the pages need beside it: its outcomes (to word it in another
     * language), each evaluation's application, the warnings of intake, and the suggestion that was applied.
     */
    public record Batch(BatchRun.Result run, BatchResult result, List<Problem> warnings, String program, String lang,
                        Applied applied, Map<String, List<Outcome.Suggested>> suggested) {

        Batch(BatchRun.Result run, BatchResult result, List<Problem> warnings, String program, String lang, Applied applied) {
            this(run, result, warnings, program, lang, applied, new ConcurrentHashMap<>());
        }

        public Application application(Evaluation e) {
            ScoreRow row = run.row(e.applicationId());
            return row == null ? null : run.application(row);
        }

        /** The same batch worded otherwise: the outcomes and the suggestions found so far are shared. */
        Batch worded(BatchResult newResult, String newLang) {
            return new Batch(run, newResult, warnings, program, newLang, applied, suggested);
        }
    }

    /** A suggestion applied in the UI: what changed and the total before, shown beside the new score. */
    public record Applied(String text, java.math.BigDecimal totalBefore) {
    }

    private final Evaluator evaluator;
    private final ApplicationReaders readers;
    private final ExcelWorkbooks excel;
    /** Applications evaluated by the web since the start (suggestions included): a test sees a language switch evaluate nothing. */
    private final AtomicLong evaluated = new AtomicLong();

    Evaluations(Evaluator evaluator, ApplicationReaders readers, ExcelWorkbooks excel) {
        this.evaluator = evaluator;
        this.readers = readers;
        this.excel = excel;
    }

    Evaluator evaluator() {
        return evaluator;
    }

    Set<String> programmes() {
        return evaluator.ruleBase().tables().programmes().keySet();
    }

    ProblemTexts texts() {
        return evaluator.ruleBase().problemTexts();
    }

    /** The programme asked for, or null (each application's own); an unknown one is a 400. */
    String program(String program) {
        if (program == null || program.isBlank()) {
            return null;
        }
        if (!programmes().contains(program)) {
            throw WebProblem.badParameter("program", "error.param.program", "value", program, "programmes",
                    String.join(", ", programmes()));
        }
        return program;
    }

    /** zh (the default) or en; anything else is a 400. */
    static String lang(String lang) {
        if (lang == null || lang.isBlank()) {
            return "zh";
        }
        if (!lang.equals("zh") && !lang.equals("en")) {
            throw WebProblem.badParameter("lang", "error.param.lang", "value", lang);
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
        List<Object> read = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        readers.read(upload, read::add, read::add, warnings::add);
        boolean suggest = suggestions != null ? suggestions : read.size() == 1;
        Batch batch = run(read, warnings, p, l, suggest, null);
        BatchResult result = batch.result();
        if (result.evaluatedCount() == 0) {
            List<Problem> errors = new ArrayList<>();
            batch.run().rejected().forEach(r -> errors.addAll(r.problems()));
            int n = result.rejectedCount();
            throw new WebProblem(HttpStatus.BAD_REQUEST, "error.title.noneEvaluated", n == 1
                    ? Problem.of(null, "error.noneEvaluated.one") : Problem.of(null, "error.noneEvaluated.many", "count", n),
                    errors);
        }
        return batch;
    }

    /** One application from the form or a suggestion applied: a batch of one, with suggestions. */
    Batch single(Application app, String source, String program, String lang, Applied applied) {
        return run(List.of(new Submission(source, Location.InJson.of("$"), app)), List.of(), program(program), lang(lang),
                true, applied);
    }

    /** The same batch worded in another language (the UI's language switch): nothing is evaluated again. */
    Batch inLanguage(Batch batch, String lang) {
        String l = lang(lang);
        if (l.equals(batch.lang())) {
            return batch;
        }
        BatchResult again = batch.run().render(l);
        BatchResult before = batch.result();
        if (before.batchId() != null) {
            again = new BatchResult(before.batchId(), again.rulesetVersion(), again.evaluatedCount(), before.rejectedCount(),
                    again.evaluations(), before.rejected()).stored(before.batchId(),
                    before.evaluations().stream().map(Evaluation::evaluationId).toList());
        }
        return batch.worded(again, l);
    }

    /**
     * The evaluation at {@code index} with its verified suggestions. A batch is evaluated without them; the
     * first opening finds them (language-neutral, kept in the batch's {@code suggested}) and every later one,
     * in any language, only words them. An evaluation of another ruleset than the one served gets none.
     */
    Evaluation withSuggestions(Batch batch, int index) {
        Evaluation e = batch.result().evaluations().get(index);
        BatchRun.Result run = batch.run();
        if (e.suggestions() != null || !e.rulesetVersion().equals(evaluator.ruleBase().version())) {
            return e;
        }
        ScoreRow row = run.row(e.applicationId());
        Outcome outcome = run.outcome(row);
        // a stored evaluation's suggestions are kept by its id (the batch is rebuilt for every page), others by application
        String key = e.evaluationId() != null ? e.evaluationId() : e.applicationId();
        List<Outcome.Suggested> suggested = batch.suggested().computeIfAbsent(key, id -> {
            evaluated.incrementAndGet();
            return evaluator.assess(run.application(row), outcome.program()).suggestions();
        });
        Ranking.Placement placed = run.placement(e.applicationId());
        Evaluation worded = evaluator.renderer().render(outcome.withSuggestions(suggested), placed.rank(),
                placed.tieBreaks(), batch.lang(), true);
        return e.evaluationId() == null ? worded : worded.withEvaluationId(e.evaluationId());
    }

    /** How many applications the web has evaluated since it started (for tests). */
    long evaluated() {
        return evaluated.get();
    }

    private Batch run(List<Object> read, List<Problem> warnings, String p, String l, boolean suggest, Applied applied) {
        try (BatchRun batch = BatchRun.inMemory(evaluator, p, suggest)) {
            for (Object o : read) {
                if (o instanceof Submission s) {
                    batch.accept(s);
                } else {
                    batch.reject((org.policyevaluator.intake.Rejection) o);
                }
            }
            BatchRun.Result result = batch.finish();
            evaluated.addAndGet(result.rows().size());
            return new Batch(result, result.render(l), List.copyOf(warnings), p, l, applied);
        }
    }

    /** The evaluation workbook of a batch, in its language. */
    byte[] workbook(Batch batch) {
        var catalogue = CatalogueReport.build(evaluator, batch.program() != null ? batch.program()
                : evaluator.defaultProgramme());
        String lang = batch.lang();
        BatchRun.Result run = batch.run();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new WorkbookReport(lang).write(run.rankedRows(lang), run.evaluations(run.rowsInRankOrder(), lang, false),
                    batch.result().rejected(), batch.warnings().stream().map(w -> texts().view(w, lang)).toList(),
                    catalogue, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new TemplateWriter(evaluator.ruleBase().schema(), evaluator.ruleBase().tables().evidenceClaims()).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    ExcelWorkbooks excel() {
        return excel;
    }
}
