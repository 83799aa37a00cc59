package org.policyevaluator.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A signed-in user and what its role lets it do. Who may see which stored evaluation or batch, and who
 * may override one, are decided in {@code org.policyevaluator.review} (Visibility, OverrideRules).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Account(String username, Role role, List<String> programs, Organisation organisation, String createdAt,
                      String createdBy) {

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

    /** Whether an application of this applicant is the account's own organisation's. */
    public boolean worksFor(String applicantName, String applicantCreditCode) {
        return organisation != null && organisation.isApplicant(applicantName, applicantCreditCode);
    }

    public boolean reviews(String program) {
        return role == Role.REVIEWER && programs.contains(program);
    }
}
