package org.policyevaluator.web;

import java.security.Principal;
import java.util.Locale;
import org.policyevaluator.account.Account;
import org.policyevaluator.store.Replayer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The auditor's page (auditors and admins, by the filter chain): the chain verified on opening, every batch, replay. */
@PageController
class AuditPages {
    private final Pages pages;
    private final StoredBatches stored;
    private final Replayer replayer;

    AuditPages(Pages pages, StoredBatches stored, Replayer replayer) {
        this.pages = pages;
        this.stored = stored;
        this.replayer = replayer;
    }

    @GetMapping("/audit")
    ModelAndView audit(Principal principal, Locale locale) {
        return auditPage(pages.signedIn(principal, ""), null, Pages.lang(locale));
    }

    @PostMapping("/audit/replay")
    ModelAndView replay(@RequestParam String evaluationId, Principal principal, Locale locale) {
        Account me = pages.signedIn(principal, evaluationId);
        Replayer.Result result = replayer.replay(stored.evaluation(evaluationId.strip(), me).evaluationId());
        return auditPage(me, result, Pages.lang(locale));
    }

    private ModelAndView auditPage(Account me, Replayer.Result replay, String lang) {
        ModelAndView mv = pages.page("audit", lang, "/audit");
        mv.addObject("report", stored.store().verify());
        mv.addObject("counts", stored.store().counts());
        mv.addObject("batches", stored.batches(me));
        mv.addObject("replay", replay);
        return mv;
    }
}
