package org.policyevaluator.rules;

/** A clause of the policy source: its id, section title, a short verbatim quote and source line(s), e.g. "43-45". */
public record Clause(String id, String document, String section, String quote, String line) {
}
