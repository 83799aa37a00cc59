package org.policyevaluator.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An application (or a whole file) that could not be evaluated, with every reason found.
 * {@code applicationId} is given when it could be read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(String source, String location, String applicationId, List<Problem> problems) {
}
