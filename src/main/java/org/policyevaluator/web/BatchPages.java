package org.policyevaluator.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.policyevaluator.account.Account;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.ProblemTexts;
import org.policyevaluator.store.EvaluationStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Batches: a signed-in user's stored batches, the ranking of a batch (a visitor's kept in memory, or a stored
 * one the viewer may open) and its evaluation workbook.
 */
@PageController
class BatchPages {
    private final Pages pages;
    private final Evaluations evaluations;
    private final RecentBatches recent;
    private final StoredBatches stored;

    BatchPages(Pages pages, Evaluations evaluations, RecentBatches recent, StoredBatches stored) {
        this.pages = pages;
        this.evaluations = evaluations;
        this.recent = recent;
        this.stored = stored;
    }

    @GetMapping("/batches")
    ModelAndView batches(Principal principal, Locale locale) {
        Account me = pages.signedIn(principal, "");
        ModelAndView mv = pages.page("batches", Pages.lang(locale), "/batches");
        mv.addObject("batches", stored.batches(me));
        return mv;
    }

    @GetMapping("/batches/{id}")
    ModelAndView batch(@PathVariable String id, Principal principal, Locale locale) {
        String lang = Pages.lang(locale);
        Evaluations.Batch batch = recent.get(id) != null ? recent.get(id, lang, evaluations) : storedBatch(id, principal, lang);
        ModelAndView mv = pages.page("batch", lang, "/batches/" + id);
        mv.addObject("stored", batch.result().batchId() != null);
        mv.addObject("batchId", id);
        mv.addObject("batch", batch);
        mv.addObject("listed", inRankOrder(batch.result().evaluations()));
        mv.addObject("rejected", rejected(batch, lang));
        mv.addObject("workbook", true);
        Optional<Account> me = pages.viewer(principal);
        boolean oversees = me.isPresent() && batch.result().batchId() != null
                && stored.panel(id).oversees(me.get());
        mv.addObject("panelHref", oversees ? "/batches/" + id + "/panel" : null);
        mv.addObject("batchName", batch.result().batchId() == null ? null
                : stored.store().batch(id).map(EvaluationStore.StoredBatch::name).orElse(null));
        return mv;
    }

    /**
     * The rejected applications in words, from the rejections as intake found them; a batch stored before they were
     * kept so shows them as they were worded then.
     */
    private List<ProblemTexts.RejectedView> rejected(Evaluations.Batch batch, String lang) {
        if (batch.run().rejected().isEmpty()) {
            return batch.result().rejected();
        }
        return batch.run().rejected().stream().map(r -> pages.texts().pageView(r, lang)).toList();
    }

    /** An evaluation as the batch page lists it, with its place in the batch (its page is found by it). */
    record Listed(Evaluation e, int index) {
    }

    /** The batch's evaluations in rank order (the unranked last), as a reviewer opens it. */
    static List<Listed> inRankOrder(List<Evaluation> evaluations) {
        List<Listed> listed = new ArrayList<>();
        for (int i = 0; i < evaluations.size(); i++) {
            listed.add(new Listed(evaluations.get(i), i));
        }
        listed.sort(Comparator.comparing((Listed l) -> l.e().rank() == null ? Integer.MAX_VALUE : l.e().rank())
                .thenComparing(l -> l.e().totalScore(), Comparator.reverseOrder())
                .thenComparing(l -> l.e().applicationId()));
        return listed;
    }

    @GetMapping("/batches/{id}/report.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable String id, Principal principal, Locale locale) {
        String lang = Pages.lang(locale);
        if (recent.get(id) == null) {
            Account me = pages.signedIn(principal, id);
            return EvaluationApi.workbook(stored.workbook(stored.batch(id, me), lang, me));
        }
        return EvaluationApi.workbook(evaluations.workbook(recent.get(id, lang, evaluations)));
    }

    private Evaluations.Batch storedBatch(String id, Principal principal, String lang) {
        Optional<Account> me = pages.viewer(principal);
        if (me.isEmpty()) {
            throw RecentBatches.gone();
        }
        return stored.asBatch(stored.batch(id, me.get()), lang);
    }
}
