package org.policyevaluator.account;

import java.util.List;

/**
 * A signed-in user and what it may see and do. The rules of visibility live here and only here:
 * the submitter of a stored evaluation sees it; a reviewer sees the evaluations of its programmes;
 * auditors and admins see everything.
 */
public record Account(String username, Role role, List<String> programs, String createdAt, String createdBy) {

    public Account {
        programs = List.copyOf(programs);
    }

    /** Auditors and admins read every stored evaluation and batch. */
    public boolean seesEverything() {
        return role == Role.AUDITOR || role == Role.ADMIN;
    }

    /** Whether this account may read a stored evaluation of {@code program} submitted by {@code submittedBy}. */
    public boolean maySee(String program, String submittedBy) {
        return seesEverything() || username.equals(submittedBy) || reviews(program);
    }

    /** Overrides are a reviewer's judgement on its own programmes (and an admin's on any). */
    public boolean mayOverride(String program) {
        return role == Role.ADMIN || reviews(program);
    }

    /** Everyone but an auditor may have evaluations stored: an auditor changes nothing. */
    public boolean maySubmit() {
        return role != Role.AUDITOR;
    }

    /** Verifying the chain and replaying is the auditor's (and admin's) work. */
    public boolean mayAudit() {
        return seesEverything();
    }

    public boolean reviews(String program) {
        return role == Role.REVIEWER && programs.contains(program);
    }
}
