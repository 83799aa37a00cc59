package org.policyevaluator.intake;

import java.util.List;

/**
 * An application (or a whole file) that could not be evaluated, with every reason found: the file it
 * came from, where it is in that file, its id when it could be read, the problems.
 */
public record Rejection(String source, Location location, String applicationId, List<Problem> problems) {
    public Rejection {
        problems = List.copyOf(problems);
    }
}
