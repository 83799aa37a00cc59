package org.policyevaluator.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.policyevaluator.account.Account;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.ApplicationEditor.Change;
import org.policyevaluator.intake.ApplicationReader;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.ProblemTexts;
import org.policyevaluator.model.Application;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.FieldDef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.JsonNode;

/**
 * Self-assessment: the home page (upload a file or fill in the form), evaluating what was sent, trying a
 * suggestion, and the result pages of a visitor's batch kept in memory. A signed-in user's evaluations are
 * stored and shown by {@link StoredEvaluationPages} and {@link BatchPages}.
 */
@PageController
class AssessmentPages {
    private final Pages pages;
    private final ResultPages results;
    private final Evaluations evaluations;
    private final RecentBatches recent;
    private final StoredBatches stored;
    private final DataSize maxUpload;

    AssessmentPages(Pages pages, ResultPages results, Evaluations evaluations, RecentBatches recent,
                    StoredBatches stored, @Value("${pe.web.max-upload}") DataSize maxUpload) {
        this.pages = pages;
        this.results = results;
        this.evaluations = evaluations;
        this.recent = recent;
        this.stored = stored;
        this.maxUpload = maxUpload;
    }

    @GetMapping("/")
    ModelAndView home(@RequestParam(required = false) String batch, @RequestParam(required = false) Integer index,
                      @RequestParam(required = false) String evaluation, Principal principal, Locale locale) {
        Map<String, Object> values = Map.of();
        Optional<Account> me = pages.viewer(principal);
        if (evaluation != null && me.isPresent()) {
            values = FormFields.values(schema(), stored.input(stored.evaluation(evaluation, me.get())));
        } else if (batch != null && index != null) {
            // "edit this application": the form filled in from an evaluated one
            Evaluations.Batch b = recent.get(batch);
            if (b != null && index >= 0 && index < b.result().evaluations().size()) {
                values = FormFields.values(schema(), b.application(b.result().evaluations().get(index)));
            }
        }
        return form(values, Map.of(), List.of(), Pages.lang(locale));
    }

    @PostMapping("/evaluate")
    Callable<String> upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String program,
                            @RequestParam(required = false) String name, Principal principal, Locale locale)
            throws IOException {
        Optional<Account> me = pages.submitter(principal);
        String batchName = StoredBatches.batchName(name);
        Upload upload = new Upload(EvaluationApi.sourceName(file.getOriginalFilename()), file.getOriginalFilename(),
                file.getBytes());
        String lang = Pages.lang(locale);
        return () -> show(evaluations.evaluate(upload, program, lang, null), me, batchName);
    }

    @PostMapping("/assess")
    Callable<Object> assess(@RequestParam MultiValueMap<String, String> form, Principal principal, Locale locale) {
        Optional<Account> me = pages.submitter(principal);
        String lang = Pages.lang(locale);
        return () -> {
            List<Problem> problems = new ArrayList<>();
            JsonNode json = FormFields.toJson(schema(), form, problems);
            ApplicationReader.Result read = evaluations.evaluator().ruleBase().reader().read(json, "$");
            problems.addAll(read.problems());
            if (!problems.isEmpty()) {
                WebTexts texts = pages.texts();
                Map<String, List<String>> errors = new LinkedHashMap<>();
                problems.forEach(p -> errors.computeIfAbsent(FormFields.fieldOf(p), k -> new ArrayList<>())
                        .add(texts.pageMessage(p, lang)));
                // listed above the form by the field's name, never its path
                List<ProblemTexts.View> listed = problems.stream().map(p -> texts.pageView(p, lang)).toList();
                ModelAndView mv = form(FormFields.values(schema(), form), errors, listed, lang);
                mv.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
                return mv;
            }
            return show(evaluations.single(read.application(), "form", null, lang, null), me);
        };
    }

    /** A suggestion's button: the application with the suggested changes, evaluated again. */
    @PostMapping("/apply")
    Callable<String> apply(@RequestParam String application, @RequestParam String changes,
                           @RequestParam(required = false) String program, @RequestParam(required = false) String text,
                           @RequestParam(required = false) String totalBefore, Locale locale) {
        String lang = Pages.lang(locale);
        return () -> {
            Upload body = new Upload("application", null, application.getBytes(StandardCharsets.UTF_8));
            Application app = JsonBodies.application(JsonBodies.tree(body), "$", evaluations.evaluator().ruleBase().reader());
            Upload changeBody = new Upload("changes", null, changes.getBytes(StandardCharsets.UTF_8));
            List<Change> list = JsonBodies.changes(JsonBodies.tree(changeBody), "$", schema());
            Application changed = new ApplicationEditor(evaluations.evaluator().ruleBase()).apply(app, list);
            Evaluations.Applied applied = new Evaluations.Applied(text, totalBefore == null || totalBefore.isBlank()
                    ? null : new BigDecimal(totalBefore));
            // trying a suggestion is a what-if: kept in memory, never stored
            return show(evaluations.single(changed, "suggestion", program, lang, applied), Optional.empty());
        };
    }

    /** One evaluation of a visitor's batch; the language switch words it again, it is never evaluated again. */
    @GetMapping("/batches/{id}/evaluations/{index}")
    ModelAndView evaluation(@PathVariable String id, @PathVariable int index, Locale locale) {
        String base = "/batches/" + id + "/evaluations/" + index;
        ModelAndView mv = results.page(recent.get(id, Pages.lang(locale), evaluations), id, index, base);
        mv.addObject("editHref", "/?batch=" + id + "&index=" + index);
        return mv;
    }

    @GetMapping("/batches/{id}/evaluations/{index}/result.json")
    ResponseEntity<String> evaluationJson(@PathVariable String id, @PathVariable int index, Locale locale) {
        return results.json(recent.get(id, Pages.lang(locale), evaluations), index);
    }

    @GetMapping("/batches/{id}/evaluations/{index}/report.docx")
    ResponseEntity<byte[]> evaluationDocx(@PathVariable String id, @PathVariable int index, Locale locale) {
        return results.docx(recent.get(id, Pages.lang(locale), evaluations), index, null);
    }

    /** After evaluating: a signed-in user's result is stored and opened from the store, a visitor's kept in memory. */
    private String show(Evaluations.Batch batch, Optional<Account> submitter) {
        return show(batch, submitter, null);
    }

    /** After evaluating: a signed-in user's result is stored (under {@code name}, if any) and opened from the store. */
    private String show(Evaluations.Batch batch, Optional<Account> submitter, String name) {
        boolean single = batch.result().evaluatedCount() == 1 && batch.result().rejectedCount() == 0;
        if (submitter.isPresent()) {
            BatchResult saved = stored.save(batch, submitter.get(), null, name).result();
            return single ? "redirect:/evaluations/" + saved.evaluations().get(0).evaluationId()
                    : "redirect:/batches/" + saved.batchId();
        }
        String id = recent.put(batch);
        return "redirect:/batches/" + id + (single ? "/evaluations/0" : "");
    }

    private ModelAndView form(Map<String, Object> values, Map<String, List<String>> errors,
                              List<ProblemTexts.View> problems, String lang) {
        ModelAndView mv = pages.page("index", lang, "/");
        mv.addObject("groups", FormFields.groups(schema()));
        mv.addObject("evidenceClaims", evaluations.evaluator().ruleBase().tables().evidenceClaims().values());
        mv.addObject("values", values);
        mv.addObject("errors", errors);
        mv.addObject("problems", problems);
        mv.addObject("options", options(lang));
        mv.addObject("defaultProgramme", pages.texts().programme(evaluations.evaluator().defaultProgramme(), lang));
        mv.addObject("maxUpload", Upload.describe(maxUpload));
        mv.addObject("maxUploadBytes", maxUpload.toBytes());
        mv.addObject("workbooks", true);
        mv.addObject("template", true);
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
}
