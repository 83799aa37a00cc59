package org.policyevaluator.intake;

/** An input that cannot be used at all (unreadable, not JSON, hostile): the message says where and why. */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }
}
