package org.policyevaluator.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Collections;
import org.policyevaluator.account.Account;
import org.policyevaluator.account.Accounts;
import org.policyevaluator.batch.BatchRun;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.evaluation.Outcome;
import org.policyevaluator.evaluation.Ranking;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.ApplicationReader;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.ProblemTexts;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.model.Application;
import org.policyevaluator.report.DocxReport;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.report.xlsx.FundingSheet;
import org.policyevaluator.report.xlsx.OverridesSheet;
import org.policyevaluator.review.OverrideRules;
import org.policyevaluator.review.PanelState;
import org.policyevaluator.review.Reviewed;
import org.policyevaluator.review.Visibility;
import org.policyevaluator.store.EvaluationStore;
import org.policyevaluator.store.PanelStore;
import org.policyevaluator.store.RejectionsJson;
import org.policyevaluator.store.EvaluationStore.StoredBatch;
import org.policyevaluator.store.EvaluationStore.StoredEvaluation;
import org.policyevaluator.store.Replayer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The store behind the web: saves what a signed-in user submits, and serves a stored evaluation or
 * batch only to an account that may see it ({@link Visibility}). What may not be seen is answered
 * exactly as what does not exist — a 404 — so that ids of others' evaluations reveal nothing.
 */
@Component
class StoredBatches {

    /** A stored evaluation as served: the engine's result with the reviewers' overrides beside it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredView(String evaluationId, String batchId, String submittedBy, String createdAt, String program,
                      String lang, String rulesetVersion, String inputSha256, Evaluation evaluation,
                      List<EvaluationStore.Override> overrides, Reviewed afterOverrides, JsonNode input) {
    }

    /** One row of a stored batch's ranking. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RankingRow(String evaluationId, Integer rank, String applicationId, String title, String applicant,
                      String program, BigDecimal totalScore, String grade, boolean eligible, int overrides,
                      Reviewed afterOverrides) {
    }

    /** A stored batch as the viewer may see it: a reviewer sees only its programmes' evaluations ({@code complete} false). */
    record BatchView(String batchId, String name, String submittedBy, String submittedAt, String program, String lang,
                     String rulesetVersion, boolean complete, int evaluatedCount, int rejectedCount,
                     List<RankingRow> ranking, List<ProblemTexts.RejectedView> rejected) {
    }

    record BatchSummary(String batchId, String name, String submittedBy, String submittedAt, String program, String lang,
                        String rulesetVersion, boolean complete, int evaluatedCount, List<String> evaluationIds) {
    }

    /** Suggestions found for stored evaluations, by evaluation id: a page in another language only words them again. */
    private static final int SUGGESTIONS_KEPT = 512;

    private final EvaluationStore store;
    private final PanelStore panels;
    private final Accounts accounts;
    private final Evaluations evaluations;
    private final Replayer replayer;
    private final Map<String, List<Outcome.Suggested>> suggestions = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @java.lang.Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Outcome.Suggested>> eldest) {
                    return size() > SUGGESTIONS_KEPT;
                }
            });

    StoredBatches(EvaluationStore store, Accounts accounts, Evaluations evaluations, Replayer replayer, PanelStore panels) {
        this.store = store;
        this.panels = panels;
        this.accounts = accounts;
        this.evaluations = evaluations;
        this.replayer = replayer;
    }

    EvaluationStore store() {
        return store;
    }

    /** The signed-in account, or empty for an anonymous visitor. */
    Optional<Account> viewer(Principal principal) {
        return principal == null ? Optional.empty() : accounts.find(principal.getName());
    }

    /** The account, which must be able to have evaluations stored (an auditor changes nothing). */
    static Account submitter(Account account) {
        if (!account.maySubmit()) {
            throw WebProblem.forbidden("error.forbidden.auditorSubmits");
        }
        return account;
    }

    /** Stores a batch evaluated for a signed-in user; the result carries the batch's and evaluations' ids. */
    Evaluations.Batch save(Evaluations.Batch batch, Account account) {
        return save(batch, account, null, null);
    }

    /**
     * As {@link #save(Evaluations.Batch, Account)}, under a name (checked by {@link #batchName}; may be null), the
     * submission (may be null) marked done in the batch's transaction.
     */
    Evaluations.Batch save(Evaluations.Batch batch, Account account, String submissionId, String name) {
        submitter(account);
        var saved = store.save(evaluations.evaluator().ruleBase(), batch.run(), account.username(), batch.lang(),
                submissionId, name);
        return new Evaluations.Batch(batch.run(), batch.result().stored(saved.batchId(), saved.evaluationIds()),
                batch.warnings(), batch.program(), batch.lang(), batch.applied());
    }

    /** A batch's name as given: stripped, null when blank; at most 200 characters of text (400 otherwise). */
    static String batchName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        if (n.length() > 200 || n.codePoints().anyMatch(c -> Character.isISOControl(c))) {
            throw WebProblem.badParameter("name", "error.param.batchName", "max", 200);
        }
        return n;
    }

    /** Who submitted a stored evaluation and its applicant, as its stored input names them. */
    static OverrideRules.Origin origin(StoredEvaluation e) {
        JsonNode applicant = JsonReport.mapper().readTree(e.inputJson()).path("applicant");
        return new OverrideRules.Origin(e.submittedBy(), text(applicant.get("name")), text(applicant.get("creditCode")));
    }

    private static String text(JsonNode n) {
        return n == null || !n.isString() ? null : n.asString();
    }

    /** A stored evaluation the viewer may see, else 404. */
    StoredEvaluation evaluation(String id, Account viewer) {
        return store.evaluation(id).filter(e -> Visibility.maySee(viewer, e, panel(e.batchId())))
                .orElseThrow(() -> WebProblem.notFound("evaluation", id));
    }

    /** A batch's review panel as its records make it. */
    PanelState panel(String batchId) {
        return new PanelState(panels.ofBatch(batchId));
    }

    PanelStore panels() {
        return panels;
    }

    /**
     * The panel's part of an evaluation's document: its submitted reviews and consensus, for those who sit on or
     * oversee the panel (admins, auditors, the batch's chairs, its assigned reviewers); null for anyone else (an
     * applicant's document is the self-assessment report).
     */
    DocxReport.PanelPart panelPart(StoredEvaluation e, Account viewer) {
        PanelState panel = panel(e.batchId());
        boolean onPanel = panel.oversees(viewer)
                || panel.assigned(e.evaluationId(), viewer.username()) || panel.reviewed(e.evaluationId(), viewer.username());
        if (!onPanel) {
            return null;
        }
        List<DocxReport.Reviewer> reviews = panel.reviews(e.evaluationId()).stream()
                .map(r -> new DocxReport.Reviewer(r.reviewer(), r.dimensions(), r.total(),
                        r.recommendation(), r.comment())).toList();
        var c = panel.consensus(e.evaluationId());
        return new DocxReport.PanelPart(reviews, c == null ? null
                : new DocxReport.Reviewer(c.chair(), c.dimensions(), c.total(), null, c.comment()));
    }

    /**
     * A reviewer's override of a stored evaluation the account may see (else 404), checked by
     * {@link OverrideRules} (403 for who may not, 400 for what is wrong) and recorded beside the engine's result.
     */
    EvaluationStore.Override override(String id, Account me, OverrideRules.Request request) {
        StoredEvaluation e = evaluation(id, me);
        OverrideRules.Checked c;
        try {
            c = OverrideRules.check(me, e.program(), origin(e), result(e), request);
        } catch (OverrideRules.Refused r) {
            throw new WebProblem(HttpStatus.FORBIDDEN, "error.title.forbidden", new Problem(null, r.key(), r.args()),
                    List.of());
        } catch (OverrideRules.Invalid i) {
            throw WebProblem.invalid("error.title.invalidOverride", i.problems());
        }
        return store.recordOverride(e.evaluationId(), me.username(), c.targetKind(), c.target(), c.ruleId(),
                c.engineValue(), c.newValue(), c.justification());
    }

    StoredView view(StoredEvaluation s) {
        Evaluation e = result(s);
        List<EvaluationStore.Override> overrides = store.overrides(s.evaluationId());
        return new StoredView(s.evaluationId(), s.batchId(), s.submittedBy(), s.createdAt(), s.program(), s.lang(),
                s.rulesetVersion(), s.inputSha256(), e, overrides, Reviewed.of(e, overrides),
                JsonIntake.mapper().readTree(s.inputJson()));
    }

    static Evaluation result(StoredEvaluation s) {
        return JsonReport.mapper().readValue(s.resultJson(), Evaluation.class).withEvaluationId(s.evaluationId());
    }

    /** A stored batch the viewer may open, with the evaluations it may see, else 404. */
    Loaded batch(String id, Account viewer) {
        StoredBatch b = store.batch(id).orElseThrow(() -> WebProblem.notFound("batch", id));
        Visibility.Visible visible = Visibility.batch(viewer, b, store.evaluationsOfBatch(id), panel(id))
                .orElseThrow(() -> WebProblem.notFound("batch", id));
        return new Loaded(b, visible.complete(), visible.evaluations());
    }

    /** A stored batch and the evaluations of it that the viewer may see. */
    record Loaded(StoredBatch batch, boolean complete, List<StoredEvaluation> evaluations) {

        /**
         * The rejections as intake found them, for one who sees the whole batch (none otherwise); empty for a batch
         * stored before they were kept language-neutral.
         */
        Optional<List<Rejection>> rejections() {
            return complete ? RejectionsJson.read(batch.rejectedJson()) : Optional.of(List.of());
        }

        /**
         * The rejections worded in {@code lang} by {@code texts}, as the batch's JSON gives them; a batch stored with
         * them already worded gives them as they were.
         */
        List<ProblemTexts.RejectedView> rejected(ProblemTexts texts, String lang) {
            return rejections().map(list -> list.stream().map(r -> texts.view(r, lang)).toList())
                    .orElseGet(() -> JsonReport.mapper().readValue(batch.rejectedJson(),
                            new TypeReference<List<ProblemTexts.RejectedView>>() { }));
        }
    }

    BatchView view(Loaded loaded) {
        List<RankingRow> rows = new ArrayList<>();
        for (StoredEvaluation s : loaded.evaluations()) {
            Evaluation e = result(s);
            List<EvaluationStore.Override> overrides = store.overrides(s.evaluationId());
            rows.add(new RankingRow(s.evaluationId(), e.rank(), e.applicationId(), e.title(), e.applicant(), e.program(),
                    e.totalScore(), e.grade(), e.eligible(), overrides.size(), Reviewed.of(e, overrides)));
        }
        rows.sort(java.util.Comparator.comparing((RankingRow r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(RankingRow::totalScore, java.util.Comparator.reverseOrder())
                .thenComparing(RankingRow::applicationId));
        StoredBatch b = loaded.batch();
        List<ProblemTexts.RejectedView> rejected = loaded.rejected(
                replayer.evaluator(b.rulesetVersion()).ruleBase().problemTexts(), b.lang());
        return new BatchView(b.batchId(), b.name(), b.submittedBy(), b.submittedAt(), b.program(), b.lang(), b.rulesetVersion(),
                loaded.complete(), rows.size(), rejected.size(), rows, rejected);
    }

    /** The batches the viewer may open, newest first. */
    List<BatchSummary> batches(Account viewer) {
        List<StoredBatch> batches = viewer.seesEverything() ? store.batches(null)
                : store.batchesFor(viewer.username(), viewer.programs());
        List<BatchSummary> out = new ArrayList<>();
        for (StoredBatch b : batches) {
            boolean complete = Visibility.seesWhole(viewer, b);
            PanelState panel = complete ? null : panel(b.batchId());
            List<String> ids = complete ? b.evaluationIds() : store.evaluationsOfBatch(b.batchId()).stream()
                    .filter(e -> Visibility.maySee(viewer, e, panel)).map(StoredEvaluation::evaluationId).toList();
            if (ids.isEmpty()) {
                continue; // a batch of the reviewer's programmes whose panel assigned them nothing
            }
            out.add(new BatchSummary(b.batchId(), b.name(), b.submittedBy(), b.submittedAt(), b.program(), b.lang(),
                    b.rulesetVersion(), complete, ids.size(), ids));
        }
        return out;
    }

    /**
     * A stored batch (the part the viewer may see) in the shape the pages and the workbook use, worded in
     * {@code lang}: from the stored outcomes (evaluations stored before outcomes were kept are decided again
     * with their stored ruleset), the stored inputs, ranks and ids.
     */
    Evaluations.Batch asBatch(Loaded loaded, String lang) {
        StoredBatch b = loaded.batch();
        Evaluator evaluator = replayer.evaluator(b.rulesetVersion());
        List<Outcome> outcomes = new ArrayList<>();
        List<Application> applications = new ArrayList<>();
        Map<String, Ranking.Placement> placements = new LinkedHashMap<>();
        boolean suggest = false;
        for (StoredEvaluation s : loaded.evaluations()) {
            Application app = input(s, evaluator);
            Evaluation stored = result(s);
            outcomes.add(s.outcomeJson() != null ? JsonReport.mapper().readValue(s.outcomeJson(), Outcome.class)
                    : evaluator.decide(app, s.program()));
            applications.add(app);
            placements.put(s.applicationId(), new Ranking.Placement(stored.rank(), stored.tieBreaks()));
            suggest |= s.withSuggestions();
        }
        Optional<List<Rejection>> rejections = loaded.rejections();
        BatchRun.Result run = BatchRun.restore(evaluator, b.program(), suggest, outcomes, applications, placements,
                rejections.orElse(List.of()));
        BatchResult words = run.render(lang);
        List<ProblemTexts.RejectedView> rejected = rejections.isPresent() ? words.rejected()
                : loaded.rejected(evaluator.ruleBase().problemTexts(), lang);
        BatchResult result = new BatchResult(b.batchId(), b.rulesetVersion(), words.evaluatedCount(), rejected.size(),
                words.evaluations(), rejected).stored(b.batchId(),
                loaded.evaluations().stream().map(StoredEvaluation::evaluationId).toList());
        return new Evaluations.Batch(run, result, List.<Problem>of(), b.program(), lang, null, suggestions);
    }

    /**
     * The evaluation workbook of a stored batch with a sheet of the overrides beside the engine's scores and, for
     * those who oversee its panel, the funding line last drawn.
     */
    byte[] workbook(Loaded loaded, String lang, Account viewer) {
        List<OverridesSheet.Row> rows = new ArrayList<>();
        for (StoredEvaluation e : loaded.evaluations()) {
            for (EvaluationStore.Override o : store.overrides(e.evaluationId())) {
                rows.add(new OverridesSheet.Row(e.applicationId(), e.evaluationId(), o.targetKind(), o.target(), o.ruleId(),
                        o.engineValue(), o.newValue(), o.reviewer(), o.justification(), o.createdAt()));
            }
        }
        byte[] workbook = OverridesSheet.append(evaluations.workbook(asBatch(loaded, lang)), rows);
        PanelState panel = panel(loaded.batch().batchId());
        if (!panel.fundings().isEmpty() && panel.oversees(viewer)) {
            var last = panel.fundings().get(panel.fundings().size() - 1);
            workbook = FundingSheet.append(workbook,
                    JsonReport.mapper().readTree(last.bodyJson()));
        }
        return workbook;
    }

    /** The stored input, read with the ruleset it was evaluated with. */
    Application input(StoredEvaluation s, Evaluator evaluator) {
        ApplicationReader.Result read = evaluator.ruleBase().reader().read(JsonIntake.mapper().readTree(s.inputJson()), "$");
        if (!read.ok()) {
            throw new IllegalStateException("stored input of " + s.evaluationId() + " no longer reads: "
                    + evaluator.ruleBase().problemTexts().line(read.problems().get(0), "en"));
        }
        return read.application();
    }

    /** The stored input of an evaluation, read with its ruleset. */
    Application input(StoredEvaluation s) {
        return input(s, replayer.evaluator(s.rulesetVersion()));
    }

}
