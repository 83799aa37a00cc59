package org.policyevaluator.account;

import java.util.List;

/**
 * A signed-in user and what its role lets it do. Who may see which stored evaluation or batch, and who
 * may override one, are decided in {@code org.policyevaluator.review} (Visibility, OverrideRules).
 */
public record Account(String username, Role role, List<String> programs, String createdAt, String createdBy) {

    public Account {
        programs = List.copyOf(programs);
    }

    /** Auditors and admins read every stored evaluation and batch. */
    public boolean seesEverything() {
        return role == Role.AUDITOR || role == Role.ADMIN;
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
