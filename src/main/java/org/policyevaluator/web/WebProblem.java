package org.policyevaluator.web;

import java.util.List;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.springframework.http.HttpStatus;

/** A request the web layer refuses, as an RFC 9457 problem: status, title, detail and located errors. */
class WebProblem extends RuntimeException {
    private final HttpStatus status;
    private final String title;
    private final List<Problem> errors;

    WebProblem(HttpStatus status, String title, String detail, List<Problem> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    static WebProblem badParameter(String parameter, String message) {
        return new WebProblem(HttpStatus.BAD_REQUEST, "Invalid parameter", parameter + ": " + message,
                List.of(Problem.literal(new Location.InJson(parameter, null, null, null), message)));
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    List<Problem> errors() {
        return errors;
    }
}
