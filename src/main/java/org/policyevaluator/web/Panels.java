package org.policyevaluator.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyevaluator.account.Account;
import org.policyevaluator.account.Accounts;
import org.policyevaluator.account.Role;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.review.FundingLine;
import org.policyevaluator.review.OverrideRules;
import org.policyevaluator.review.Panel;
import org.policyevaluator.review.PanelState;
import org.policyevaluator.store.EvaluationStore.StoredEvaluation;
import org.policyevaluator.store.PanelStore;
import org.policyevaluator.store.PanelStore.Kind;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Review panels over HTTP: who may assign, review, record a consensus and draw the funding line, and what a
 * valid act is. Every act is a record of {@link PanelStore}, in the audit chain; the panel's state and view
 * are worked out from them ({@link PanelState}, {@link Panel}). Problems are message keys ({@code panel.*}).
 */
@Component
class Panels {
    static final Set<String> RECOMMENDATIONS = Set.of("FUND", "RESERVE", "REJECT");
    static final int MAX_COMMENT = 4000;

    record Assignment(String reviewer, List<String> applicationIds) {
    }

    record ChairRequest(String reviewer) {
    }

    record ConflictRequest(String reason) {
    }

    record ReviewRequest(Map<String, BigDecimal> dimensions, String comment, String recommendation, Boolean submit) {
    }

    record ConsensusRequest(Map<String, BigDecimal> dimensions, String comment) {
    }

    record FundingRequest(BigDecimal budget, String program) {
    }

    /** A review as its reviewer sees it: a draft until submitted. */
    record ReviewView(String evaluationId, String reviewer, String status, Map<String, BigDecimal> dimensions,
                      BigDecimal total, BigDecimal engineScore, String comment, String recommendation, String submittedAt) {
    }

    /** The panel of a batch as the chair, an admin or an auditor sees it. */
    record PanelView(String batchId, String normalisation, List<String> chairs, List<Row> rows,
                     List<JsonNode> fundingLines) {
    }

    /** One application in the panel view, with its reviewers now assigned. */
    record Row(Panel.Row panel, List<String> assigned) {
    }

    private final StoredBatches stored;
    private final Accounts accounts;
    private final Evaluations evaluations;

    Panels(StoredBatches stored, Accounts accounts, Evaluations evaluations) {
        this.stored = stored;
        this.accounts = accounts;
        this.evaluations = evaluations;
    }

    /**
     * The scores a page's form gives, one {@code dim.<dimension>} field each (blank ones left out); each value
     * that is not a number goes to {@code notNumbers} as typed.
     */
    static Map<String, BigDecimal> formScores(Map<String, String> form, List<String> notNumbers) {
        Map<String, BigDecimal> dims = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("dim.") && v != null && !v.isBlank()) {
                try {
                    dims.put(k.substring(4), new BigDecimal(v.strip()));
                } catch (NumberFormatException e) {
                    notNumbers.add(v);
                }
            }
        });
        return dims;
    }

    private PanelStore store() {
        return stored.panels();
    }

    private static Problem at(String field, String key, Object... args) {
        return Problem.of(Location.InJson.of("$").at(field), key, args);
    }

    private static boolean leads(Account me, PanelState panel) {
        return me.role() == Role.ADMIN || panel.chairs(me.username());
    }

    /** Names a reviewer chair of a batch (an admin's act). */
    PanelStore.Record chair(String batchId, Account me, ChairRequest body) {
        stored.batch(batchId, me);
        if (me.role() != Role.ADMIN) {
            throw WebProblem.forbidden("panel.refused.chair");
        }
        Account reviewer = reviewer(body == null ? null : body.reviewer(), "reviewer");
        return store().record(List.of(PanelStore.of(Kind.CHAIR, batchId, null, reviewer.username(), "{}", me.username())),
                () -> { }).get(0);
    }

    private Account reviewer(String name, String field) {
        Account a = name == null ? null : accounts.find(name).orElse(null);
        if (a == null || a.role() != Role.REVIEWER) {
            throw WebProblem.invalid("error.title.invalidPanel", List.of(at(field, "panel.notReviewer", "reviewer",
                    name == null ? "" : name)));
        }
        return a;
    }

    /**
     * Assigns applications of a batch to a reviewer (an admin's or the batch's chair's act): refused whole, with
     * every conflict named, when the reviewer submitted one of them, works for its applicant, or declared a
     * conflict with it before.
     */
    List<PanelStore.Record> assign(String batchId, Account me, Assignment body) {
        StoredBatches.Loaded batch = stored.batch(batchId, me);
        PanelState panel = stored.panel(batchId);
        if (!leads(me, panel)) {
            throw WebProblem.forbidden("panel.refused.assign");
        }
        Account reviewer = reviewer(body == null ? null : body.reviewer(), "reviewer");
        List<String> ids = body.applicationIds() == null ? List.of() : body.applicationIds();
        if (ids.isEmpty()) {
            throw WebProblem.invalid("error.title.invalidPanel", List.of(at("applicationIds", "panel.applications.none")));
        }
        Map<String, StoredEvaluation> byApplication = new LinkedHashMap<>();
        stored.store().evaluationsOfBatch(batchId).forEach(e -> byApplication.put(e.applicationId(), e));
        List<Problem> unknown = new ArrayList<>();
        List<Problem> conflicts = new ArrayList<>();
        List<PanelStore.Record> records = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            StoredEvaluation e = byApplication.get(ids.get(i));
            Location where = Location.InJson.of("$").at("applicationIds[" + i + "]");
            if (e == null) {
                unknown.add(Problem.of(where, "panel.applications.unknown", "applicationId", ids.get(i)));
                continue;
            }
            OverrideRules.Origin origin = StoredBatches.origin(e);
            if (reviewer.username().equals(e.submittedBy())) {
                conflicts.add(Problem.of(where, "panel.conflict.own", "reviewer", reviewer.username(),
                        "applicationId", e.applicationId()));
            } else if (reviewer.worksFor(origin.applicantName(), origin.applicantCreditCode())) {
                conflicts.add(Problem.of(where, "panel.conflict.organisation", "reviewer", reviewer.username(),
                        "applicationId", e.applicationId(), "organisation", reviewer.organisation().name()));
            } else if (panel.declaredConflict(e.evaluationId(), reviewer.username())) {
                conflicts.add(Problem.of(where, "panel.conflict.declared", "reviewer", reviewer.username(),
                        "applicationId", e.applicationId()));
            } else if (!panel.assigned(e.evaluationId(), reviewer.username())) {
                records.add(PanelStore.of(Kind.ASSIGNMENT, batchId, e.evaluationId(), reviewer.username(), "{}",
                        me.username()));
            }
        }
        if (!unknown.isEmpty()) {
            throw WebProblem.invalid("error.title.invalidPanel", unknown);
        }
        if (!conflicts.isEmpty()) {
            throw new WebProblem(HttpStatus.CONFLICT, "error.title.conflictOfInterest", WebProblem.count(conflicts.size()),
                    conflicts);
        }
        return records.isEmpty() ? List.of() : store().record(records, () -> { });
    }

    /** A reviewer declares a conflict with an application assigned to them: the assignment ends, the declaration stays. */
    PanelStore.Record declareConflict(String evaluationId, Account me, ConflictRequest body) {
        StoredEvaluation e = stored.evaluation(evaluationId, me);
        PanelState panel = stored.panel(e.batchId());
        if (!panel.assigned(evaluationId, me.username())) {
            throw WebProblem.forbidden("panel.notAssigned");
        }
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.length() < 10 || reason.length() > MAX_COMMENT) {
            throw WebProblem.invalid("error.title.invalidPanel", List.of(at("reason", "panel.conflict.reason", "min", 10,
                    "max", MAX_COMMENT)));
        }
        return store().record(List.of(PanelStore.of(Kind.CONFLICT, e.batchId(), evaluationId, me.username(),
                json(Map.of("reason", reason)), me.username())), () -> { }).get(0);
    }

    /** The caller's review of an evaluation: its draft, or what it submitted (404 when neither). */
    ReviewView myReview(String evaluationId, Account me) {
        StoredEvaluation e = stored.evaluation(evaluationId, me);
        PanelState panel = stored.panel(e.batchId());
        Evaluation engine = StoredBatches.result(e);
        for (Panel.Review r : panel.reviews(evaluationId)) {
            if (r.reviewer().equals(me.username())) {
                return new ReviewView(evaluationId, me.username(), "SUBMITTED", r.dimensions(), r.total(),
                        engine.totalScore(), r.comment(), r.recommendation(), r.submittedAt());
            }
        }
        String draft = store().draft(evaluationId, me.username())
                .orElseThrow(() -> WebProblem.notFound("review", evaluationId));
        ReviewRequest d = JsonReport.mapper().readValue(draft, ReviewRequest.class);
        Map<String, BigDecimal> dims = d.dimensions() == null ? Map.of() : d.dimensions();
        return new ReviewView(evaluationId, me.username(), "DRAFT", dims,
                dims.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), engine.totalScore(), d.comment(),
                d.recommendation(), null);
    }

    /**
     * Saves the caller's review of an evaluation assigned to them: a draft, changed freely, or submitted (then in
     * the audit chain and no longer changed). Each score lies within its dimension's range; a submitted review
     * scores every dimension, recommends FUND, RESERVE or REJECT, and says why in a comment when its total departs
     * from the engine's by more than the programme's {@code panel.departure}.
     */
    ReviewView review(String evaluationId, Account me, ReviewRequest body) {
        StoredEvaluation e = stored.evaluation(evaluationId, me);
        PanelState panel = stored.panel(e.batchId());
        if (!panel.assigned(evaluationId, me.username())) {
            throw WebProblem.forbidden("panel.notAssigned");
        }
        if (panel.reviewed(evaluationId, me.username())) {
            throw WebProblem.of(HttpStatus.CONFLICT, "error.title.reviewSubmitted", "panel.review.submitted");
        }
        Evaluation engine = StoredBatches.result(e);
        ReviewRequest r = body == null ? new ReviewRequest(null, null, null, false) : body;
        boolean submit = Boolean.TRUE.equals(r.submit());
        Map<String, BigDecimal> dims = r.dimensions() == null ? Map.of() : r.dimensions();
        List<Problem> problems = scores(engine, dims, submit);
        String comment = r.comment() == null ? null : r.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            problems.add(at("comment", "panel.comment.long", "max", MAX_COMMENT));
        }
        if (r.recommendation() != null && !RECOMMENDATIONS.contains(r.recommendation())) {
            problems.add(at("recommendation", "panel.recommendation", "value", r.recommendation()));
        }
        if (submit && r.recommendation() == null) {
            problems.add(at("recommendation", "panel.recommendation.missing"));
        }
        BigDecimal total = dims.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        double departure = evaluations.evaluator().ruleBase().tables().num(e.program(), "panel.departure");
        if (submit && problems.isEmpty() && total.subtract(engine.totalScore()).abs().doubleValue() > departure
                && (comment == null || comment.isEmpty())) {
            problems.add(at("comment", "panel.comment.departure", "total", plain(total), "engine",
                    plain(engine.totalScore()), "threshold", plain(BigDecimal.valueOf(departure))));
        }
        if (!problems.isEmpty()) {
            throw WebProblem.invalid("error.title.invalidReview", problems);
        }
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("dimensions", ordered(engine, dims));
        saved.put("comment", comment);
        saved.put("recommendation", r.recommendation());
        if (!submit) {
            store().saveDraft(evaluationId, me.username(), json(saved));
            return myReview(evaluationId, me);
        }
        store().record(List.of(PanelStore.of(Kind.REVIEW, e.batchId(), evaluationId, me.username(), json(saved),
                me.username())), () -> {
                    if (stored.panel(e.batchId()).reviewed(evaluationId, me.username())) {
                        throw WebProblem.of(HttpStatus.CONFLICT, "error.title.reviewSubmitted", "panel.review.submitted");
                    }
                });
        return myReview(evaluationId, me);
    }

    /** Each score known and within its dimension's range; with {@code complete}, every dimension scored. */
    private List<Problem> scores(Evaluation engine, Map<String, BigDecimal> dims, boolean complete) {
        var names = evaluations().ruleBase().tables().dimensions();
        List<Problem> problems = new ArrayList<>();
        Map<String, BigDecimal> max = new LinkedHashMap<>();
        engine.dimensions().forEach(d -> max.put(d.id(), d.maxScore()));
        for (var s : dims.entrySet()) {
            BigDecimal top = max.get(s.getKey());
            if (top == null) {
                problems.add(at("dimensions." + s.getKey(), "panel.dimension.unknown", "dimension", s.getKey(),
                        "dimensions", String.join(", ", max.keySet())));
            } else if (s.getValue() == null || s.getValue().signum() < 0 || s.getValue().compareTo(top) > 0) {
                problems.add(at("dimensions." + s.getKey(), "panel.dimension.range", "zh", names.get(s.getKey()).nameZh(),
                        "en", names.get(s.getKey()).nameEn(), "max", plain(top)));
            }
        }
        if (complete) {
            for (String d : max.keySet()) {
                if (!dims.containsKey(d)) {
                    problems.add(at("dimensions." + d, "panel.dimension.missing", "zh", names.get(d).nameZh(), "en",
                            names.get(d).nameEn()));
                }
            }
        }
        return problems;
    }

    private static Map<String, BigDecimal> ordered(Evaluation engine, Map<String, BigDecimal> dims) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        engine.dimensions().forEach(d -> {
            if (dims.containsKey(d.id())) {
                out.put(d.id(), dims.get(d.id()));
            }
        });
        return out;
    }

    /** The chair's (or an admin's) consensus on an application: every dimension scored, and a comment. */
    PanelStore.Record consensus(String evaluationId, Account me, ConsensusRequest body) {
        StoredEvaluation e = stored.evaluation(evaluationId, me);
        if (!leads(me, stored.panel(e.batchId()))) {
            throw WebProblem.forbidden("panel.refused.consensus");
        }
        Evaluation engine = StoredBatches.result(e);
        ConsensusRequest r = body == null ? new ConsensusRequest(null, null) : body;
        Map<String, BigDecimal> dims = r.dimensions() == null ? Map.of() : r.dimensions();
        List<Problem> problems = scores(engine, dims, true);
        String comment = r.comment() == null ? "" : r.comment().strip();
        if (comment.length() < 10 || comment.length() > MAX_COMMENT) {
            problems.add(at("comment", "panel.consensus.comment", "min", 10, "max", MAX_COMMENT));
        }
        if (!problems.isEmpty()) {
            throw WebProblem.invalid("error.title.invalidConsensus", problems);
        }
        return store().record(List.of(PanelStore.of(Kind.CONSENSUS, e.batchId(), evaluationId, me.username(),
                json(Map.of("dimensions", ordered(engine, dims), "comment", comment)), me.username())), () -> { }).get(0);
    }

    /** The panel of a batch: for its chairs, admins and auditors. */
    PanelView view(String batchId, Account me) {
        StoredBatches.Loaded batch = stored.batch(batchId, me);
        PanelState panel = stored.panel(batchId);
        if (!panel.oversees(me)) {
            throw WebProblem.notFound("batch", batchId);
        }
        List<Panel.Row> rows = rows(batch.evaluations(), panel);
        List<Row> out = rows.stream().map(r -> new Row(r, panel.reviewers(r.evaluationId()))).toList();
        List<JsonNode> lines = panel.fundings().stream().map(f -> JsonReport.mapper().readTree(f.bodyJson())).toList();
        return new PanelView(batchId, Panel.NORMALISATION, List.copyOf(new LinkedHashSet<>(panel.chairs())), out, lines);
    }

    private List<Panel.Row> rows(List<StoredEvaluation> evaluations, PanelState panel) {
        List<Panel.Input> inputs = new ArrayList<>();
        for (StoredEvaluation e : evaluations) {
            JsonNode requested = JsonReport.mapper().readTree(e.inputJson()).path("budget").path("requested");
            BigDecimal asks = requested.isNumber() ? requested.decimalValue().stripTrailingZeros() : null;
            inputs.add(new Panel.Input(e.evaluationId(), StoredBatches.result(e),
                    asks == null || asks.scale() >= 0 ? asks : asks.setScale(0), panel.reviews(e.evaluationId()),
                    panel.consensus(e.evaluationId())));
        }
        return Panel.view(inputs, evaluations().ruleBase().tables());
    }

    private org.policyevaluator.evaluation.Evaluator evaluations() {
        return evaluations.evaluator();
    }

    /** The funding line of one programme of a batch under a budget (万元), recorded as drawn. */
    JsonNode fund(String batchId, Account me, FundingRequest body) {
        StoredBatches.Loaded batch = stored.batch(batchId, me);
        PanelState panel = stored.panel(batchId);
        if (!leads(me, panel)) {
            throw WebProblem.forbidden("panel.refused.funding");
        }
        FundingRequest r = body == null ? new FundingRequest(null, null) : body;
        if (r.budget() == null || r.budget().signum() <= 0) {
            throw WebProblem.invalid("error.title.invalidFunding", List.of(at("budget", "panel.funding.budget")));
        }
        Set<String> programmes = new LinkedHashSet<>();
        batch.evaluations().forEach(e -> programmes.add(e.program()));
        String program = r.program() != null ? r.program() : programmes.size() == 1 ? programmes.iterator().next() : null;
        if (program == null || !programmes.contains(program)) {
            throw WebProblem.invalid("error.title.invalidFunding", List.of(at("program", "panel.funding.program",
                    "programmes", String.join(", ", programmes))));
        }
        List<StoredEvaluation> ofProgramme = batch.evaluations().stream().filter(e -> e.program().equals(program)).toList();
        FundingLine.Line line = FundingLine.draw(rows(ofProgramme, panel), r.budget());
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("program", program);
        recorded.put("budget", line.budget());
        recorded.put("used", line.used());
        recorded.put("left", line.left());
        recorded.put("funded", line.funded().stream().map(this::entry).toList());
        recorded.put("reserve", line.reserve().stream().map(this::entry).toList());
        recorded.put("fundedOnlyByThePanel", line.fundedOnlyByThePanel());
        recorded.put("fundedOnlyByTheEngine", line.fundedOnlyByTheEngine());
        PanelStore.Record made = store().record(List.of(PanelStore.of(Kind.FUNDING, batchId, null, me.username(),
                json(recorded), me.username())), () -> { }).get(0);
        Map<String, Object> answer = new LinkedHashMap<>(recorded);
        answer.put("drawnBy", made.createdBy());
        answer.put("drawnAt", made.createdAt());
        return JsonReport.mapper().valueToTree(answer);
    }

    private Map<String, Object> entry(Panel.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", r.rank());
        m.put("applicationId", r.applicationId());
        m.put("evaluationId", r.evaluationId());
        m.put("finalScore", r.finalScore());
        m.put("finalFrom", r.finalFrom());
        m.put("engineRank", r.engineRank());
        m.put("requested", r.requested());
        return m;
    }

    private static String json(Object o) {
        return JsonReport.mapper().writeValueAsString(o);
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
