package org.policyevaluator.web;

import java.util.List;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.springframework.http.HttpStatus;

/**
 * A request the web layer refuses, as an RFC 9457 problem, before it is put into words: the status, the
 * message key of its title ({@code error.title.*}), its detail as a problem (a key of the web's or the
 * ruleset's bundle with its values, and where, when it is about one place) and the located errors.
 * {@link WebTexts} words it in the language of the API request or the page.
 */
class WebProblem extends RuntimeException {
    private final HttpStatus status;
    private final String title;
    private final Problem detail;
    private final List<Problem> errors;
    /** A header the answer carries besides the problem (Retry-After, say); null when none. */
    private String[] header;

    WebProblem(HttpStatus status, String title, Problem detail, List<Problem> errors) {
        super(title + ": " + detail.key() + " " + detail.args());
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    /** A problem whose detail is a message of the web's bundle, about no place in particular. */
    static WebProblem of(HttpStatus status, String title, String detailKey, Object... args) {
        return new WebProblem(status, title, Problem.of(null, detailKey, args), List.of());
    }

    /** A request parameter with a wrong value: the detail and the one error say the same. */
    static WebProblem badParameter(String parameter, String key, Object... args) {
        Problem p = Problem.of(new Location.InJson(parameter, null, null, null), key, args);
        return new WebProblem(HttpStatus.BAD_REQUEST, "error.title.invalidParameter", p, List.of(p));
    }

    static WebProblem notFound(String what, String id) {
        return of(HttpStatus.NOT_FOUND, "error.title.notFound", "error.notFound." + what, "id", id);
    }

    static WebProblem forbidden(String key, Object... args) {
        return of(HttpStatus.FORBIDDEN, "error.title.forbidden", key, args);
    }

    /** A request with located problems: the detail counts them, the errors list them. */
    static WebProblem invalid(String title, List<Problem> problems) {
        return new WebProblem(HttpStatus.BAD_REQUEST, title, count(problems.size()), problems);
    }

    static Problem count(int n) {
        return n == 1 ? Problem.of(null, "error.problems.one") : Problem.of(null, "error.problems.many", "count", n);
    }

    WebProblem withHeader(String name, String value) {
        this.header = new String[] {name, value};
        return this;
    }

    String[] header() {
        return header;
    }

    HttpStatus status() {
        return status;
    }

    /** The message key of the title. */
    String title() {
        return title;
    }

    Problem detail() {
        return detail;
    }

    List<Problem> errors() {
        return errors;
    }
}
