package org.policyevaluator.intake;

/** One thing wrong with an input: where (a JSON path, or sheet/row/column) and what was expected. */
public record Problem(String location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
