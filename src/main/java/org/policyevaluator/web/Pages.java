package org.policyevaluator.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.policyevaluator.account.Account;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.ProblemTexts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page shares: the language of the page, the frame around it (navigation, language switch,
 * programmes, the ruleset version in the footer), the signed-in account, and the problem page.
 */
@Component
class Pages {
    private final Evaluator evaluator;
    private final StoredBatches stored;
    private final WebTexts texts;

    Pages(Evaluator evaluator, StoredBatches stored, WebTexts texts) {
        this.evaluator = evaluator;
        this.stored = stored;
        this.texts = texts;
    }

    /** The page's language: English when the user chose it, else Chinese. */
    static String lang(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "zh";
    }

    WebTexts texts() {
        return texts;
    }

    /** A page in its frame; {@code langPath} is where the language switch leads (the same page in the other language). */
    ModelAndView page(String view, String lang, String langPath) {
        ModelAndView mv = new ModelAndView(view);
        mv.addObject("lang", lang);
        mv.addObject("langPath", langPath);
        mv.addObject("programmes", evaluator.ruleBase().tables().programmes().values());
        mv.addObject("rulesetVersion", evaluator.ruleBase().version());
        return mv;
    }

    /** A refused request as a page: the status, what went wrong in the page's language, and where. */
    ModelAndView problem(WebProblem p, String lang) {
        return problem(p.status(), texts.pageDetail(p.detail(), lang), p.errors(), lang);
    }

    ModelAndView problem(HttpStatus status, String detail, List<Problem> errors, String lang) {
        ModelAndView mv = page("problem", lang, "/");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("detail", detail);
        List<ProblemTexts.View> views = errors.stream().map(p -> texts.pageView(p, lang)).toList();
        mv.addObject("errors", views);
        return mv;
    }

    /** The signed-in account, or empty for a visitor. */
    Optional<Account> viewer(Principal principal) {
        return stored.viewer(principal);
    }

    /** The signed-in account; the filter chain sends visitors to the login page before they get here. */
    Account signedIn(Principal principal, String id) {
        return stored.viewer(principal).orElseThrow(() -> WebProblem.notFound("batch", id));
    }

    /** A signed-in user's evaluations are stored (an auditor's refused: it changes nothing); a visitor's are not. */
    Optional<Account> submitter(Principal principal) {
        return stored.viewer(principal).map(StoredBatches::submitter);
    }
}
