package org.policyevaluator.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.policyevaluator.account.Account;
import org.policyevaluator.account.Role;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;

/**
 * Who may override a stored evaluation and what a valid override is. An override stands beside the
 * engine's result: a dimension score (from 0 to the dimension's maximum), the eligibility, or the
 * acceptance of a pending award's evidence (which releases its withheld points), always naming the
 * finding, gate or pending award it is about and saying why. Problems are message keys with their values
 * ({@code review.*}), worded by whoever shows them.
 */
public final class OverrideRules {
    public static final String DIMENSION = "DIMENSION";
    public static final String ELIGIBILITY = "ELIGIBILITY";
    /** Accepting what a pending award waits on (its evidence, or a flag's doubt cleared): it releases the points. */
    public static final String EVIDENCE = "EVIDENCE";
    /** The target of an eligibility override. */
    public static final String ELIGIBLE = "eligible";
    public static final int MIN_JUSTIFICATION = 10;
    /** A justification is a reviewer's paragraph, not a document: documents go in as evidence. */
    public static final int MAX_JUSTIFICATION = 4000;

    /** An override as asked for; any part may be missing. */
    public record Request(String targetKind, String target, String ruleId, String newValue, String justification) {
    }

    /** An override that passed every check, with the engine's value it stands beside: ready to be recorded. */
    public record Checked(String targetKind, String target, String ruleId, String engineValue, String newValue,
                          String justification) {
    }

    /** The account may not override this evaluation at all (403): why, as a message key and its values. */
    public static final class Refused extends RuntimeException {
        private final String key;
        private final Map<String, Object> args;

        Refused(String key, Map<String, Object> args) {
            super(key + " " + args);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Map<String, Object> args() {
            return args;
        }
    }

    /** The override is not valid (400): every problem found, each at the request field it is about. */
    public static final class Invalid extends RuntimeException {
        private final List<Problem> problems;

        Invalid(List<Problem> problems) {
            super(String.join("; ", problems.stream().map(p -> p.location().field() + ": " + p.key() + " " + p.args())
                    .toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private OverrideRules() {
    }

    /**
     * Overrides are a reviewer's judgement on its own programmes, and an admin's on any; never on what the
     * account submitted itself, nor on what its organisation applied for (separation of duties).
     */
    public static boolean mayOverride(Account who, String program, Origin origin) {
        return (who.role() == Role.ADMIN || who.reviews(program)) && !ownSubmission(who, origin)
                && !ownOrganisation(who, origin);
    }

    /** Who submitted a stored evaluation, and the applicant it is about: what separation of duties looks at. */
    public record Origin(String submittedBy, String applicantName, String applicantCreditCode) {
        public static Origin submittedBy(String username) {
            return new Origin(username, null, null);
        }
    }

    private static boolean ownSubmission(Account who, Origin origin) {
        return origin != null && origin.submittedBy() != null && who.username().equalsIgnoreCase(origin.submittedBy());
    }

    private static boolean ownOrganisation(Account who, Origin origin) {
        return origin != null && who.worksFor(origin.applicantName(), origin.applicantCreditCode());
    }

    /**
     * Checks an override of an evaluation of {@code program} whose engine result is {@code engine}: first who
     * asks, then that every required part is there (all missing ones listed), then the parts themselves.
     */
    public static Checked check(Account who, String program, Origin origin, Evaluation engine, Request request) {
        if (!mayOverride(who, program, null)) {
            throw switch (who.role()) {
                case AUDITOR -> new Refused("review.refused.auditor", Map.of());
                case APPLICANT -> new Refused("review.refused.applicant", Map.of());
                default -> new Refused("review.refused.programme", Map.of("program", program));
            };
        }
        if (ownSubmission(who, origin)) {
            throw new Refused("review.refused.own", Map.of());
        }
        if (ownOrganisation(who, origin)) {
            throw new Refused("review.refused.organisation", Map.of("organisation", who.organisation().name()));
        }
        Request r = request == null ? new Request(null, null, null, null, null) : request;
        List<Problem> missing = new ArrayList<>();
        require(missing, "targetKind", r.targetKind());
        if (DIMENSION.equals(r.targetKind())) {
            require(missing, "target", r.target());
        }
        require(missing, "ruleId", r.ruleId());
        if (!EVIDENCE.equals(r.targetKind())) {
            require(missing, "newValue", r.newValue());
        }
        require(missing, "justification", r.justification());
        if (!missing.isEmpty()) {
            throw new Invalid(missing);
        }
        String justification = r.justification().strip();
        if (justification.length() < MIN_JUSTIFICATION) {
            throw invalid("justification", "review.justification.short", "min", MIN_JUSTIFICATION);
        }
        if (justification.length() > MAX_JUSTIFICATION) {
            throw invalid("justification", "review.justification.long", "max", MAX_JUSTIFICATION, "length", justification.length());
        }
        String ruleId = r.ruleId();
        if (EVIDENCE.equals(r.targetKind())) {
            // the points withheld for this rule are released: the total gains them beside the engine's result
            Evaluation.PendingAward p = engine.pending() == null ? null : engine.pending().stream()
                    .filter(x -> x.ruleId().equals(ruleId)).findFirst().orElse(null);
            if (p == null) {
                throw invalid("ruleId", "review.ruleId.notPending", "ruleId", ruleId);
            }
            return new Checked(EVIDENCE, ruleId, ruleId, "0", p.points().toPlainString(), justification);
        }
        boolean inEvaluation = engine.findings().stream().anyMatch(f -> f.ruleId().equals(ruleId))
                || engine.whyNot().stream().anyMatch(w -> w.ruleId().equals(ruleId))
                || engine.gates().stream().anyMatch(g -> g.ruleId().equals(ruleId));
        if (!inEvaluation) {
            throw invalid("ruleId", "review.ruleId.notInEvaluation", "ruleId", ruleId);
        }
        if (DIMENSION.equals(r.targetKind())) {
            Evaluation.DimensionScore d = engine.dimensions().stream().filter(x -> x.id().equals(r.target())).findFirst()
                    .orElseThrow(() -> invalid("target", "review.target.unknown", "target", r.target()));
            BigDecimal v;
            try {
                v = new BigDecimal(r.newValue().strip());
            } catch (NumberFormatException e) {
                throw invalid("newValue", "review.newValue.notScore", "value", r.newValue());
            }
            if (v.signum() < 0 || v.compareTo(d.maxScore()) > 0) {
                throw invalid("newValue", "review.newValue.range", "max", d.maxScore().toPlainString());
            }
            return new Checked(DIMENSION, d.id(), ruleId, d.score().toPlainString(),
                    v.stripTrailingZeros().toPlainString(), justification);
        }
        if (ELIGIBILITY.equals(r.targetKind())) {
            String v = r.newValue().strip();
            if (!v.equals("true") && !v.equals("false")) {
                throw invalid("newValue", "review.newValue.boolean", "value", r.newValue());
            }
            if (engine.gates().stream().noneMatch(g -> g.ruleId().equals(ruleId))) {
                throw invalid("ruleId", "review.ruleId.notGate", "ruleId", ruleId);
            }
            return new Checked(ELIGIBILITY, ELIGIBLE, ruleId, String.valueOf(engine.eligible()), v, justification);
        }
        throw invalid("targetKind", "review.targetKind", "value", r.targetKind());
    }

    private static void require(List<Problem> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(Problem.of(at(field), "review.required"));
        }
    }

    private static Invalid invalid(String field, String key, Object... args) {
        return new Invalid(List.of(Problem.of(at(field), key, args)));
    }

    /** A field of the request body, located as the API reads it: "$.justification". */
    static Location.InJson at(String field) {
        return Location.InJson.of("$").at(field);
    }
}
