package org.policyevaluator.account;

/** What an account may do; one role per account. See docs/store.md for the matrix. */
public enum Role {
    /** Submits applications (stored) and sees only what it submitted. */
    APPLICANT,
    /** Sees and overrides the evaluations of the programmes assigned to it (and sees what it submitted). */
    REVIEWER,
    /** Reads every stored evaluation, verifies the audit chain, replays; changes nothing. */
    AUDITOR,
    /** Everything, and manages accounts. */
    ADMIN
}
