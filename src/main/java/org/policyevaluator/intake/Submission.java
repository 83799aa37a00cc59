package org.policyevaluator.intake;

import org.policyevaluator.model.Application;

/** An application read and validated, with where it came from (file and location inside it). */
public record Submission(String source, Location location, Application application) {
}
