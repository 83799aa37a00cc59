package org.policyevaluator.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;

/**
 * Gathers one batch: accepts submissions from any intake, rejects duplicate application ids, evaluates
 * each accepted application and ranks the result. Rejections from intake are added with {@link #reject}.
 */
public final class BatchEvaluator {
    private final Evaluator evaluator;
    private final String program;
    private final String lang;
    private final boolean suggest;
    private final List<Evaluation> evaluations = new ArrayList<>();
    private final List<org.policyevaluator.model.Application> applications = new ArrayList<>();
    private final List<Rejection> rejected = new ArrayList<>();
    private final Map<String, String> seenIds = new HashMap<>();

    /** @param program the programme asked for, or null to use each application's own (else the default) */
    /** @param suggest whether to add verified suggestions (each costs a few more evaluations) */
    public BatchEvaluator(Evaluator evaluator, String program, String lang, boolean suggest) {
        this.evaluator = evaluator;
        this.program = program;
        this.lang = lang;
        this.suggest = suggest;
    }

    public void accept(Submission s) {
        String id = s.application().applicationId();
        String where = s.source() + " " + s.location();
        String first = seenIds.putIfAbsent(id, where);
        if (first != null) {
            rejected.add(new Rejection(s.source(), s.location(), id, List.of(new Problem(s.location() + ".applicationId",
                    "applicationId \"" + id + "\" is already used by the application at " + first
                            + "; ids must be unique within a batch"))));
            return;
        }
        String p = evaluator.programFor(s.application(), program);
        applications.add(s.application());
        evaluations.add(suggest ? evaluator.assess(s.application(), p, lang) : evaluator.evaluate(s.application(), p, lang));
    }

    public void reject(Rejection r) {
        rejected.add(r);
    }

    /** The applications evaluated, in the order of {@link BatchResult#evaluations()}. */
    public List<org.policyevaluator.model.Application> applications() {
        return java.util.Collections.unmodifiableList(applications);
    }

    public BatchResult result() {
        List<Evaluation> ranked = Ranking.rank(evaluations, evaluator.ruleBase().tables());
        return new BatchResult(null, evaluator.ruleBase().version(), ranked.size(), rejected.size(), ranked,
                List.copyOf(rejected));
    }
}
