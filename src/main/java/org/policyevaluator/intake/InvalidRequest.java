package org.policyevaluator.intake;

import java.util.List;

/**
 * A request whose fields are wrong (an account to create, an override to record), with every problem
 * and the field it is about. The message joins them in English, for logs.
 */
public class InvalidRequest extends RuntimeException {
    private final List<Problem> problems;

    /** Problems with fields of a JSON request body: in words ({@link Problem#literal}) or as message keys. */
    public InvalidRequest(List<Problem> problems) {
        super(String.join("; ", problems.stream().map(p -> p.location().field() + ": "
                + (p.args().get("text") != null ? p.args().get("text") : p.key() + " " + p.args())).toList()));
        this.problems = List.copyOf(problems);
    }

    /** One problem with one field of a JSON request body, already in words. */
    public static InvalidRequest field(String field, String message) {
        return new InvalidRequest(List.of(Problem.literal(Location.InJson.of("$").at(field), message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
