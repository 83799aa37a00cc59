package org.policyevaluator.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.policyevaluator.account.Account;
import org.policyevaluator.account.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** The panel's page of a stored batch: the panel view, and the chair's forms to assign, agree and draw the line. */
@PageController
class PanelPages {
    private final Pages pages;
    private final Panels panels;
    private final StoredBatches stored;

    PanelPages(Pages pages, Panels panels, StoredBatches stored) {
        this.pages = pages;
        this.panels = panels;
        this.stored = stored;
    }

    @GetMapping("/batches/{id}/panel")
    ModelAndView panel(@PathVariable String id, Principal principal, Locale locale) {
        Account me = pages.signedIn(principal, id);
        String lang = Pages.lang(locale);
        Panels.PanelView view = panels.view(id, me);
        ModelAndView mv = pages.page("panel", lang, "/batches/" + id + "/panel");
        mv.addObject("batchId", id);
        mv.addObject("view", view);
        mv.addObject("leads", me.role() == Role.ADMIN || stored.panel(id).chairs(me.username()));
        List<Panels.Row> rows = view.rows();
        mv.addObject("dimensions", rows.isEmpty() ? List.of()
                : StoredBatches.result(stored.store().evaluation(rows.get(0).panel().evaluationId()).orElseThrow()).dimensions());
        JsonNode line = view.fundingLines().isEmpty() ? null : view.fundingLines().get(view.fundingLines().size() - 1);
        mv.addObject("line", line);
        return mv;
    }

    @PostMapping("/batches/{id}/panel/assignments")
    String assign(@PathVariable String id, @RequestParam(required = false) String reviewer,
                  @RequestParam(required = false) List<String> applicationIds, Principal principal,
                  RedirectAttributes redirect, Locale locale) {
        Account me = pages.signedIn(principal, id);
        act(redirect, locale, () -> panels.assign(id, me, new Panels.Assignment(reviewer,
                applicationIds == null ? List.of() : applicationIds)));
        return "redirect:/batches/" + id + "/panel";
    }

    @PostMapping("/batches/{id}/panel/consensus")
    String consensus(@PathVariable String id, @RequestParam Map<String, String> form, Principal principal,
                     RedirectAttributes redirect, Locale locale) {
        Account me = pages.signedIn(principal, id);
        List<String> notNumbers = new ArrayList<>();
        Map<String, BigDecimal> dims = Panels.formScores(form, notNumbers);
        if (!notNumbers.isEmpty()) {
            String lang = Pages.lang(locale);
            redirect.addFlashAttribute("panelErrors",
                    notNumbers.stream().map(v -> pages.texts().text("panel.form.notANumber", lang, v)).toList());
            return "redirect:/batches/" + id + "/panel";
        }
        act(redirect, locale, () -> panels.consensus(form.getOrDefault("evaluationId", ""), me,
                new Panels.ConsensusRequest(dims, form.get("comment"))));
        return "redirect:/batches/" + id + "/panel";
    }

    @PostMapping("/batches/{id}/panel/funding")
    String funding(@PathVariable String id, @RequestParam(required = false) String budget, Principal principal,
                   RedirectAttributes redirect, Locale locale) {
        Account me = pages.signedIn(principal, id);
        act(redirect, locale, () -> panels.fund(id, me, new Panels.FundingRequest(
                budget == null || budget.isBlank() ? null : number(budget), null)));
        return "redirect:/batches/" + id + "/panel#funding";
    }

    /** A budget as typed; what is not a number is refused as a budget not above 0, with the field named. */
    private static BigDecimal number(String v) {
        try {
            return new BigDecimal(v.strip());
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(-1);
        }
    }

    /** Does a panel act; what is refused for a reason the chair can fix is shown on the page. */
    private void act(RedirectAttributes redirect, Locale locale, Runnable action) {
        String lang = Pages.lang(locale);
        try {
            action.run();
        } catch (WebProblem p) {
            if (p.status() != HttpStatus.BAD_REQUEST && p.status() != HttpStatus.CONFLICT) {
                throw p;
            }
            List<String> errors = new ArrayList<>();
            p.errors().forEach(e -> errors.add(pages.texts().pageMessage(e, lang)));
            redirect.addFlashAttribute("panelErrors", errors);
        }
    }
}
