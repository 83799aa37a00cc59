package org.policyevaluator.account;

import java.util.Locale;

/**
 * The organisation an account works for: its name and, where known, its unified social credit code. Someone
 * may not judge what their organisation applied for (separation of duties): an application is their
 * organisation's when its applicant has the same credit code, or, where either lacks one, the same name.
 */
public record Organisation(String name, String creditCode) {

    public boolean isApplicant(String applicantName, String applicantCreditCode) {
        if (creditCode != null && applicantCreditCode != null) {
            return creditCode.strip().equalsIgnoreCase(applicantCreditCode.strip());
        }
        return name != null && applicantName != null && normal(name).equals(normal(applicantName));
    }

    /** Names compared as written, whatever the spaces and the case of Latin letters. */
    private static String normal(String s) {
        return s.replaceAll("[\\s\\u3000]+", "").toLowerCase(Locale.ROOT);
    }
}
