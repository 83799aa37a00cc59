package org.policyevaluator.intake;

/** A problem's argument that is itself a message of the bundles (an Excel cell's expectation, say), worded per language. */
public record Phrase(String key) {
}
