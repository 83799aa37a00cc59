package org.policyevaluator.intake;

/**
 * An input that cannot be used at all (unreadable, not JSON, hostile). {@link #problem()} says where and
 * why, to be worded in the reader's language; the exception's message is the English wording, for logs.
 */
public class InputException extends RuntimeException {
    private final Problem problem;

    public InputException(Problem problem, String english) {
        super(english);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
