package org.policyevaluator.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.security.Principal;
import java.util.concurrent.Callable;
import org.policyevaluator.account.Account;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.ApplicationEditor.Change;
import org.policyevaluator.intake.ApplicationReader;
import org.policyevaluator.intake.InputException;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.ProblemTexts;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.Application;
import org.policyevaluator.report.CatalogueReport;
import org.policyevaluator.rules.Dimension;
import org.policyevaluator.rules.PolicyTables;
import org.policyevaluator.rules.Programme;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.store.EvaluationStore;
import org.policyevaluator.store.Replayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The pages: upload or fill in an application, the explained result with its chart and suggestions,
 * the ranking of a batch, and the rule catalogue. Server-rendered; the same evaluator as the API.
 */
@Controller
class UiController {
    private static final Logger log = LoggerFactory.getLogger(UiController.class);

    private final Evaluations evaluations;
    private final RecentBatches recent;
    private final StoredBatches stored;
    private final Replayer replayer;
    private final ApplicationReaders readers;
    private final MessageSource messages;
    private final DataSize maxUpload;

    UiController(Evaluations evaluations, RecentBatches recent, StoredBatches stored, Replayer replayer,
                 ApplicationReaders readers, MessageSource messages, @Value("${pe.web.max-upload}") DataSize maxUpload) {
        this.evaluations = evaluations;
        this.recent = recent;
        this.stored = stored;
        this.replayer = replayer;
        this.readers = readers;
        this.messages = messages;
        this.maxUpload = maxUpload;
    }

    /** The signed-in account (null for a visitor), for the navigation of every page. */
    @ModelAttribute("me")
    Account me(Principal principal) {
        return stored.viewer(principal).orElse(null);
    }

    static String lang(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "zh";
    }

    @GetMapping("/")
    ModelAndView home(@RequestParam(required = false) String batch, @RequestParam(required = false) Integer index,
                      @RequestParam(required = false) String evaluation, Principal principal, Locale locale) {
        Map<String, Object> values = Map.of();
        Optional<Account> me = stored.viewer(principal);
        if (evaluation != null && me.isPresent()) {
            values = FormFields.values(schema(), stored.input(stored.evaluation(evaluation, me.get())));
        } else if (batch != null && index != null) {
            // "edit this application": the form filled in from an evaluated one
            Evaluations.Batch b = recent.get(batch);
            if (b != null && index >= 0 && index < b.result().evaluations().size()) {
                values = FormFields.values(schema(), b.application(b.result().evaluations().get(index)));
            }
        }
        return form(values, Map.of(), List.of(), lang(locale));
    }

    @PostMapping("/evaluate")
    Callable<String> upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String program,
                            Principal principal, Locale locale) throws IOException {
        Optional<Account> me = submitter(principal);
        Upload upload = new Upload(EvaluationApi.sourceName(file.getOriginalFilename()), file.getOriginalFilename(),
                file.getBytes());
        String lang = lang(locale);
        return () -> show(evaluations.evaluate(upload, program, lang, null), me);
    }

    @PostMapping("/assess")
    Callable<Object> assess(@RequestParam MultiValueMap<String, String> form, Principal principal, Locale locale) {
        Optional<Account> me = submitter(principal);
        String lang = lang(locale);
        return () -> {
            List<Problem> problems = new ArrayList<>();
            JsonNode json = FormFields.toJson(schema(), form, problems);
            ApplicationReader.Result read = evaluations.evaluator().ruleBase().reader().read(json, "$");
            problems.addAll(read.problems());
            Application app = read.application();
            if (!problems.isEmpty()) {
                ProblemTexts texts = evaluations.texts();
                Map<String, List<String>> errors = new LinkedHashMap<>();
                problems.forEach(p -> errors.computeIfAbsent(FormFields.fieldOf(p), k -> new ArrayList<>())
                        .add(texts.message(p, lang)));
                // listed above the form by the field's name, never its path
                List<ProblemTexts.View> listed = problems.stream().map(p -> new ProblemTexts.View(
                        texts.label(p.location().field(), lang), texts.message(p, lang))).toList();
                ModelAndView mv = form(FormFields.values(schema(), form), errors, listed, lang);
                mv.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
                return mv;
            }
            return show(evaluations.single(app, "form", null, lang, null), me);
        };
    }

    /** A suggestion's button: the application with the suggested changes, evaluated again. */
    @PostMapping("/apply")
    Callable<String> apply(@RequestParam String application, @RequestParam String changes,
                           @RequestParam(required = false) String program, @RequestParam(required = false) String text,
                           @RequestParam(required = false) String totalBefore, Locale locale) {
        String lang = lang(locale);
        return () -> {
            Upload body = new Upload("application", null, application.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Application app = JsonBodies.application(JsonBodies.tree(body), "$", evaluations.evaluator().ruleBase().reader());
            Upload changeBody = new Upload("changes", null, changes.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            List<Change> list = JsonBodies.changes(JsonBodies.tree(changeBody), "$", schema());
            Application changed = new ApplicationEditor(evaluations.evaluator().ruleBase()).apply(app, list);
            Evaluations.Applied applied = new Evaluations.Applied(text, totalBefore == null || totalBefore.isBlank()
                    ? null : new java.math.BigDecimal(totalBefore));
            // trying a suggestion is a what-if: kept in memory, never stored
            return show(evaluations.single(changed, "suggestion", program, lang, applied), Optional.empty());
        };
    }

    @GetMapping("/batches/{id}")
    ModelAndView batch(@PathVariable String id, Principal principal, Locale locale) {
        Evaluations.Batch batch = recent.get(id) != null ? batch(id, lang(locale)) : storedBatch(id, principal, lang(locale));
        ModelAndView mv = page("batch", lang(locale));
        mv.addObject("stored", batch.result().batchId() != null);
        mv.addObject("batchId", id);
        mv.addObject("batch", batch);
        mv.addObject("workbook", true);
        mv.addObject("langPath", "/batches/" + id);
        return mv;
    }

    @GetMapping("/batches/{id}/evaluations/{index}")
    ModelAndView evaluation(@PathVariable String id, @PathVariable int index, Locale locale) {
        String lang = lang(locale);
        Evaluations.Batch batch = batch(id, lang);
        if (index < 0 || index >= batch.result().evaluations().size()) {
            throw new WebProblem(HttpStatus.NOT_FOUND, "Not found", "this batch has no evaluation " + index, List.of());
        }
        ModelAndView mv = result(batch, id, index, batch.result().evaluations().get(index), lang, locale);
        mv.addObject("editHref", "/?batch=" + id + "&index=" + index);
        mv.addObject("langPath", "/batches/" + id + "/evaluations/" + index);
        return mv;
    }

    private ModelAndView result(Evaluations.Batch batch, String batchId, int index, Evaluation e, String lang,
                                Locale locale) {
        if (e.suggestions() == null && e.rulesetVersion().equals(evaluations.evaluator().ruleBase().version())) {
            // a batch is evaluated without suggestions; one opened from it gets them, verified as always
            e = e.withSuggestions(evaluations.evaluator().assess(batch.application(e), e.program(), lang).suggestions());
        }
        ModelAndView mv = page("result", lang);
        mv.addObject("batchId", batchId);
        mv.addObject("index", index);
        mv.addObject("batch", batch);
        mv.addObject("e", e);
        mv.addObject("stored", false);
        mv.addObject("applicationJson", FormFields.json(batch.application(e)));
        mv.addObject("chart", SvgChart.bars(e.dimensions(), messages.getMessage("result.chart", null, locale)));
        mv.addObject("programme", evaluations.evaluator().ruleBase().tables().programme(e.program()));
        mv.addObject("json", org.policyevaluator.report.JsonReport.toJson(e));
        List<String> changesJson = new ArrayList<>();
        if (e.suggestions() != null) {
            e.suggestions().forEach(s -> changesJson.add(
                    org.policyevaluator.intake.JsonIntake.mapper().writeValueAsString(s.changes())));
        }
        mv.addObject("changesJson", changesJson);
        return mv;
    }

    // ---- the store: a signed-in user's batches, stored evaluations with overrides, the auditor's page ----

    @GetMapping("/batches")
    ModelAndView batches(Principal principal, Locale locale) {
        Account me = signedIn(principal, "");
        ModelAndView mv = page("batches", lang(locale));
        mv.addObject("batches", stored.batches(me));
        mv.addObject("langPath", "/batches");
        return mv;
    }

    @GetMapping("/evaluations/{id}")
    ModelAndView storedEvaluation(@PathVariable String id, Principal principal, Locale locale) {
        Account me = signedIn(principal, id);
        String lang = lang(locale);
        EvaluationStore.StoredEvaluation s = stored.evaluation(id, me);
        StoredBatches.Loaded loaded = stored.batch(s.batchId(), me);
        Evaluations.Batch batch = stored.asBatch(loaded, lang);
        int index = loaded.evaluations().stream().map(EvaluationStore.StoredEvaluation::evaluationId).toList().indexOf(id);
        StoredBatches.StoredView view = stored.view(s);
        // worded in the page's language from the stored outcome; the view keeps the result as it was delivered
        ModelAndView mv = result(batch, s.batchId(), index, batch.result().evaluations().get(index), lang, locale);
        mv.addObject("stored", true);
        mv.addObject("view", view);
        mv.addObject("canOverride", me.mayOverride(s.program()));
        mv.addObject("canAudit", me.mayAudit());
        mv.addObject("ruleIds", ruleIds(view.evaluation()));
        mv.addObject("editHref", "/?evaluation=" + id);
        mv.addObject("langPath", "/evaluations/" + id);
        return mv;
    }

    /** A reviewer's override from the result page; a refused one is shown on the page with the store's reason. */
    @PostMapping("/evaluations/{id}/overrides")
    String override(@PathVariable String id, @RequestParam(required = false) String targetKind,
                    @RequestParam(required = false) String target, @RequestParam(required = false) String ruleId,
                    @RequestParam(required = false) String newValue, @RequestParam(required = false) String justification,
                    Principal principal, RedirectAttributes redirect, Locale locale) {
        Account me = signedIn(principal, id);
        String dimensionTarget = "DIMENSION".equals(targetKind) ? target : null;
        try {
            StoreApi.addOverride(stored, id, me, new StoreApi.OverrideRequest(targetKind, dimensionTarget, ruleId,
                    "ELIGIBILITY".equals(targetKind) ? eligibilityValue(newValue) : newValue, justification));
        } catch (WebProblem p) {
            if (p.status() != HttpStatus.BAD_REQUEST) {
                throw p;
            }
            List<String> errors = new ArrayList<>();
            ProblemTexts texts = evaluations.texts();
            String lang = lang(locale);
            p.errors().forEach(e -> errors.add(texts.label(e.location().field(), lang) + ("en".equals(lang) ? ": " : "：")
                    + texts.message(e, lang)));
            redirect.addFlashAttribute("overrideErrors", errors.isEmpty() ? List.of(p.getMessage()) : errors);
            redirect.addFlashAttribute("overrideForm", Map.of("targetKind", String.valueOf(targetKind),
                    "target", String.valueOf(target), "ruleId", String.valueOf(ruleId), "newValue", String.valueOf(newValue),
                    "justification", justification == null ? "" : justification));
        }
        return "redirect:/evaluations/" + id + "#overrides";
    }

    private static String eligibilityValue(String v) {
        return v == null ? null : v.strip().toLowerCase(Locale.ROOT);
    }

    @GetMapping("/audit")
    ModelAndView audit(Principal principal, Locale locale) {
        return auditPage(signedIn(principal, ""), null, lang(locale));
    }

    @PostMapping("/audit/replay")
    ModelAndView replay(@RequestParam String evaluationId, Principal principal, Locale locale) {
        Account me = signedIn(principal, evaluationId);
        Replayer.Result result = replayer.replay(stored.evaluation(evaluationId.strip(), me).evaluationId());
        return auditPage(me, result, lang(locale));
    }

    private ModelAndView auditPage(Account me, Replayer.Result replay, String lang) {
        ModelAndView mv = page("audit", lang);
        mv.addObject("report", stored.store().verify());
        mv.addObject("counts", stored.store().counts());
        mv.addObject("batches", stored.batches(me));
        mv.addObject("replay", replay);
        mv.addObject("langPath", "/audit");
        return mv;
    }

    @GetMapping("/login")
    ModelAndView login(@RequestParam(required = false) String error, Locale locale) {
        ModelAndView mv = page("login", lang(locale));
        mv.addObject("failed", error != null);
        mv.addObject("langPath", "/login");
        return mv;
    }

    @GetMapping("/denied")
    ModelAndView denied(Locale locale) {
        return problem(HttpStatus.FORBIDDEN, messages.getMessage("denied", null, locale), List.of(), lang(locale));
    }

    private static List<String> ruleIds(Evaluation e) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        e.findings().forEach(f -> ids.add(f.ruleId()));
        e.whyNot().forEach(w -> ids.add(w.ruleId()));
        e.gates().forEach(g -> ids.add(g.ruleId()));
        return List.copyOf(ids);
    }

    /** The signed-in account; the filter chain sends visitors to the login page before they get here. */
    private Account signedIn(Principal principal, String id) {
        return stored.viewer(principal).orElseThrow(() -> StoredBatches.notFound("batch", id));
    }

    /** A signed-in user's evaluations are stored; an auditor's refused (it changes nothing); a visitor's kept in memory. */
    private Optional<Account> submitter(Principal principal) {
        return stored.viewer(principal).map(StoredBatches::submitter);
    }

    private Evaluations.Batch storedBatch(String id, Principal principal, String lang) {
        Optional<Account> me = stored.viewer(principal);
        if (me.isEmpty()) {
            throw gone();
        }
        return stored.asBatch(stored.batch(id, me.get()), lang);
    }

    @GetMapping("/batches/{id}/report.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable String id, Principal principal, Locale locale) {
        if (recent.get(id) == null) {
            return EvaluationApi.workbook(stored.workbook(stored.batch(id, signedIn(principal, id)), lang(locale)));
        }
        return EvaluationApi.workbook(evaluations.workbook(batch(id, lang(locale))));
    }

    @GetMapping("/rules")
    ModelAndView rules(@RequestParam(required = false) String program, Locale locale) {
        String p = evaluations.program(program);
        p = p != null ? p : evaluations.evaluator().defaultProgramme();
        String lang = lang(locale);
        RuleBase rb = evaluations.evaluator().ruleBase();
        CatalogueReport.Catalogue catalogue = CatalogueReport.build(evaluations.evaluator(), p);
        Map<String, List<CatalogueReport.Entry>> byDimension = new LinkedHashMap<>();
        rb.tables().dimensions().keySet().forEach(d -> byDimension.put(d, new ArrayList<>()));
        List<CatalogueReport.Entry> gates = new ArrayList<>();
        List<CatalogueReport.Entry> flags = new ArrayList<>();
        for (CatalogueReport.Entry e : catalogue.rules()) {
            switch (e.kind()) {
                case "score" -> byDimension.get(e.dimension()).add(e);
                case "gate" -> gates.add(e);
                default -> flags.add(e);
            }
        }
        ModelAndView mv = page("rules", lang);
        mv.addObject("program", p);
        mv.addObject("catalogue", catalogue);
        mv.addObject("byDimension", byDimension);
        mv.addObject("gates", gates);
        mv.addObject("flags", flags);
        mv.addObject("dimensions", rb.tables().dimensions());
        mv.addObject("selected", rb.tables().programme(p));
        mv.addObject("langPath", "/rules");
        return mv;
    }

    // ---- errors: the problem as a page, with the same located messages as the API ----

    @ExceptionHandler(WebProblem.class)
    ModelAndView webProblem(WebProblem e, Locale locale) {
        return problem(e.status(), e.getMessage(), e.errors(), lang(locale));
    }

    @ExceptionHandler(InputException.class)
    ModelAndView unusable(InputException e, Locale locale) {
        String lang = lang(locale);
        return problem(HttpStatus.BAD_REQUEST, evaluations.texts().line(e.problem(), lang), List.of(e.problem()), lang);
    }

    @ExceptionHandler(ApplicationEditor.InvalidChange.class)
    ModelAndView invalidChange(ApplicationEditor.InvalidChange e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems(), lang(locale));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(Locale locale) {
        WebProblem p = Upload.tooLarge(maxUpload);
        return problem(p.status(), p.getMessage(), List.of(), lang(locale));
    }

    @ExceptionHandler(AsyncRequestTimeoutException.class)
    ModelAndView timeout(Locale locale) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "the evaluation took longer than the server allows", List.of(),
                lang(locale));
    }

    @ExceptionHandler(jakarta.servlet.ServletException.class)
    ModelAndView badRequest(jakarta.servlet.ServletException e, Locale locale) {
        if (e instanceof org.springframework.web.ErrorResponse r) {
            HttpStatus status = HttpStatus.valueOf(r.getStatusCode().value());
            return problem(status, r.getBody().getDetail(), List.of(), lang(locale));
        }
        return internal(e, locale);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView internal(Exception e, Locale locale) {
        log.error("internal error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; it has been logged", List.of(), lang(locale));
    }

    // ---- helpers ----

    private String show(Evaluations.Batch batch, Optional<Account> submitter) {
        boolean single = batch.result().evaluatedCount() == 1 && batch.result().rejectedCount() == 0;
        if (submitter.isPresent()) {
            BatchResult saved = stored.save(batch, submitter.get()).result();
            return single ? "redirect:/evaluations/" + saved.evaluations().get(0).evaluationId()
                    : "redirect:/batches/" + saved.batchId();
        }
        String id = recent.put(batch);
        return "redirect:/batches/" + id + (single ? "/evaluations/0" : "");
    }

    private Evaluations.Batch batch(String id, String lang) {
        Evaluations.Batch batch = recent.get(id);
        if (batch == null) {
            throw gone();
        }
        Evaluations.Batch inLang = evaluations.inLanguage(batch, lang);
        if (inLang != batch) {
            recent.replace(id, inLang);
        }
        return inLang;
    }

    private static WebProblem gone() {
        return new WebProblem(HttpStatus.NOT_FOUND, "Not found", "this result is no longer kept (the server keeps the last "
                + RecentBatches.CAPACITY + " batches of visitors in memory; sign in to keep yours): upload the file again",
                List.of());
    }

    private ModelAndView form(Map<String, Object> values, Map<String, List<String>> errors,
                              List<ProblemTexts.View> problems, String lang) {
        ModelAndView mv = page("index", lang);
        mv.addObject("groups", FormFields.groups(schema()));
        mv.addObject("values", values);
        mv.addObject("errors", errors);
        mv.addObject("problems", problems);
        mv.addObject("options", options(lang));
        mv.addObject("maxUpload", Upload.describe(maxUpload));
        mv.addObject("maxUploadBytes", maxUpload.toBytes());
        mv.addObject("workbooks", true);
        mv.addObject("template", true);
        return mv;
    }

    private ModelAndView page(String view, String lang) {
        ModelAndView mv = new ModelAndView(view);
        mv.addObject("lang", lang);
        mv.addObject("langPath", "/");
        mv.addObject("programmes", evaluations.evaluator().ruleBase().tables().programmes().values());
        mv.addObject("rulesetVersion", evaluations.evaluator().ruleBase().version());
        return mv;
    }

    private ModelAndView problem(HttpStatus status, String detail, List<Problem> errors, String lang) {
        ModelAndView mv = page("problem", lang);
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("detail", detail);
        ProblemTexts texts = evaluations.texts();
        mv.addObject("errors", errors.stream().map(p -> texts.view(p, lang)).toList());
        return mv;
    }


    /** The choices of every field with codes, named in the page's language from its code table. */
    private Map<String, List<Option>> options(String lang) {
        Map<String, List<Option>> options = new LinkedHashMap<>();
        for (FieldDef f : schema().fields()) {
            if (f.codes() != null) {
                List<Option> list = new ArrayList<>();
                f.codes().codes().forEach(c -> list.add(new Option(c.code(), c.name(lang))));
                options.put(f.path(), list);
            }
        }
        return options;
    }

    private ApplicationSchema schema() {
        return evaluations.evaluator().ruleBase().schema();
    }

    public record Option(String value, String label) {
    }

    static String dimensionName(Map<String, Dimension> dimensions, String id, String lang) {
        Dimension d = dimensions.get(id);
        return d == null ? id : d.name(lang);
    }
}
