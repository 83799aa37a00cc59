package org.policyevaluator.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.policyevaluator.account.Account;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.review.OverrideRules;
import org.policyevaluator.review.PanelState;
import org.policyevaluator.store.EvaluationStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The result page of a stored evaluation: the engine's result worded in the page's language from its stored
 * outcome (never evaluated again), the reviewers' overrides beside it, and a reviewer's override form.
 */
@PageController
class StoredEvaluationPages {
    /** The labels of the override form's inputs, by the request field a problem is about. */
    private static final Map<String, String> FORM_LABELS = Map.of("targetKind", "override.kind",
            "target", "override.target.dimension", "ruleId", "override.rule", "newValue", "override.newValue",
            "justification", "override.justification");

    private final Pages pages;
    private final ResultPages results;
    private final StoredBatches stored;
    private final Panels panels;

    StoredEvaluationPages(Pages pages, ResultPages results, StoredBatches stored, Panels panels) {
        this.panels = panels;
        this.pages = pages;
        this.results = results;
        this.stored = stored;
    }

    @GetMapping("/evaluations/{id}")
    ModelAndView storedEvaluation(@PathVariable String id, Principal principal, Locale locale) {
        Account me = pages.signedIn(principal, id);
        String lang = Pages.lang(locale);
        EvaluationStore.StoredEvaluation s = stored.evaluation(id, me);
        Evaluations.Batch batch = stored.asBatch(stored.batch(s.batchId(), me), lang);
        StoredBatches.StoredView view = stored.view(s);
        // worded in the page's language from the stored outcome; the view keeps the result as it was delivered
        ModelAndView mv = results.page(batch, s.batchId(), index(batch, id), "/evaluations/" + id);
        mv.addObject("stored", true);
        mv.addObject("view", view);
        mv.addObject("canOverride", OverrideRules.mayOverride(me, s.program(), StoredBatches.origin(s)));
        mv.addObject("canAudit", me.mayAudit());
        mv.addObject("ruleIds", ruleIds(view.evaluation()));
        mv.addObject("editHref", "/?evaluation=" + id);
        PanelState panel = stored.panel(s.batchId());
        if (panel.assigned(id, me.username()) || panel.reviewed(id, me.username())) {
            mv.addObject("myReview", myReview(id, me));
        }
        mv.addObject("panelHref", panel.oversees(me) ? "/batches/" + s.batchId() + "/panel"
                : null);
        return mv;
    }

    /** The reviewer's review as the form shows it: what was saved or submitted, else empty. */
    private Panels.ReviewView myReview(String id, Account me) {
        try {
            return panels.myReview(id, me);
        } catch (WebProblem none) {
            return new Panels.ReviewView(id, me.username(), "NEW", Map.of(), null, null, null, null, null);
        }
    }

    /**
     * A reviewer declares a conflict of interest from the result page: the assignment ends (the page is no longer
     * theirs to see, so they go back to their batches); a reason too short is shown on the page.
     */
    @PostMapping("/evaluations/{id}/conflict")
    String conflict(@PathVariable String id, @RequestParam(required = false) String reason, Principal principal,
                    RedirectAttributes redirect, Locale locale) {
        Account me = pages.signedIn(principal, id);
        try {
            panels.declareConflict(id, me, new Panels.ConflictRequest(reason));
        } catch (WebProblem p) {
            if (p.status() != HttpStatus.BAD_REQUEST) {
                throw p;
            }
            List<String> errors = new ArrayList<>();
            p.errors().forEach(e -> errors.add(pages.texts().pageMessage(e, Pages.lang(locale))));
            redirect.addFlashAttribute("reviewErrors", errors);
            return "redirect:/evaluations/" + id + "#review";
        }
        redirect.addFlashAttribute("conflictDeclared", id);
        return "redirect:/batches";
    }

    /** A reviewer's review from the result page: saved as a draft, or submitted; refused ones shown with the reason. */
    @PostMapping("/evaluations/{id}/review")
    String review(@PathVariable String id, @RequestParam Map<String, String> form, Principal principal,
                  RedirectAttributes redirect, Locale locale) {
        Account me = pages.signedIn(principal, id);
        String lang = Pages.lang(locale);
        List<String> notNumbers = new ArrayList<>();
        Map<String, java.math.BigDecimal> dims = Panels.formScores(form, notNumbers);
        List<String> errors = new ArrayList<>();
        notNumbers.forEach(v -> errors.add(pages.texts().text("panel.form.notANumber", lang, v)));
        if (errors.isEmpty()) {
            try {
                panels.review(id, me, new Panels.ReviewRequest(dims, form.get("comment"),
                        form.get("recommendation") == null || form.get("recommendation").isBlank() ? null
                                : form.get("recommendation"), "submit".equals(form.get("action"))));
            } catch (WebProblem p) {
                if (p.status() != HttpStatus.BAD_REQUEST) {
                    throw p;
                }
                p.errors().forEach(e -> errors.add(pages.texts().pageMessage(e, lang)));
            }
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("reviewErrors", errors);
        }
        return "redirect:/evaluations/" + id + "#review";
    }

    @GetMapping("/evaluations/{id}/result.json")
    ResponseEntity<String> storedEvaluationJson(@PathVariable String id, Principal principal, Locale locale) {
        Account me = pages.signedIn(principal, id);
        EvaluationStore.StoredEvaluation s = stored.evaluation(id, me);
        Evaluations.Batch batch = stored.asBatch(stored.batch(s.batchId(), me), Pages.lang(locale));
        return results.json(batch, index(batch, id));
    }

    @GetMapping("/evaluations/{id}/report.docx")
    ResponseEntity<byte[]> storedEvaluationDocx(@PathVariable String id, Principal principal, Locale locale) {
        Account me = pages.signedIn(principal, id);
        EvaluationStore.StoredEvaluation s = stored.evaluation(id, me);
        Evaluations.Batch batch = stored.asBatch(stored.batch(s.batchId(), me), Pages.lang(locale));
        return results.docx(batch, index(batch, id), stored.panelPart(s, me));
    }

    /** A reviewer's override from the result page; a refused one is shown on the page with the reason. */
    @PostMapping("/evaluations/{id}/overrides")
    String override(@PathVariable String id, @RequestParam(required = false) String targetKind,
                    @RequestParam(required = false) String target, @RequestParam(required = false) String ruleId,
                    @RequestParam(required = false) String newValue, @RequestParam(required = false) String justification,
                    Principal principal, RedirectAttributes redirect, Locale locale) {
        Account me = pages.signedIn(principal, id);
        String dimensionTarget = OverrideRules.DIMENSION.equals(targetKind) ? target : null;
        try {
            stored.override(id, me, new OverrideRules.Request(targetKind, dimensionTarget, ruleId,
                    OverrideRules.ELIGIBILITY.equals(targetKind) ? eligibilityValue(newValue) : newValue, justification));
        } catch (WebProblem p) {
            if (p.status() != HttpStatus.BAD_REQUEST) {
                throw p;
            }
            String lang = Pages.lang(locale);
            WebTexts texts = pages.texts();
            List<String> errors = new ArrayList<>();
            // named by the form's own labels: the request's field names are not words
            p.errors().forEach(e -> errors.add(texts.text(FORM_LABELS.getOrDefault(e.location().field(), "override.add"),
                    lang) + ("en".equals(lang) ? ": " : "：") + texts.pageMessage(e, lang)));
            redirect.addFlashAttribute("overrideErrors", errors);
            redirect.addFlashAttribute("overrideForm", Map.of("targetKind", String.valueOf(targetKind),
                    "target", String.valueOf(target), "ruleId", String.valueOf(ruleId), "newValue", String.valueOf(newValue),
                    "justification", justification == null ? "" : justification));
        }
        return "redirect:/evaluations/" + id + "#overrides";
    }

    /** The form takes eligibility in words as well: 是/否 (yes/no) are true/false. */
    static String eligibilityValue(String v) {
        if (v == null) {
            return null;
        }
        String s = v.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "是", "符合", "yes" -> "true";
            case "否", "不符合", "no" -> "false";
            default -> s;
        };
    }

    private static int index(Evaluations.Batch batch, String evaluationId) {
        return batch.result().evaluations().stream().map(Evaluation::evaluationId).toList().indexOf(evaluationId);
    }

    private static List<String> ruleIds(Evaluation e) {
        Set<String> ids = new LinkedHashSet<>();
        e.findings().forEach(f -> ids.add(f.ruleId()));
        e.whyNot().forEach(w -> ids.add(w.ruleId()));
        e.gates().forEach(g -> ids.add(g.ruleId()));
        return List.copyOf(ids);
    }
}
