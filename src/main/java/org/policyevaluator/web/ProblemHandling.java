package org.policyevaluator.web;

import java.net.URI;
import java.util.List;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.InputException;
import jakarta.servlet.http.HttpServletRequest;
import org.policyevaluator.intake.InvalidRequest;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.ProblemTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem ({@code application/problem+json}) with the same located
 * messages as the CLI in an {@code errors} extension of {@code {location, message}} items, worded in the
 * request's {@code lang} — and, for a JSON syntax error, its {@code line} and {@code column}. Never a stack
 * trace: an unexpected exception is logged here and answered with a 500 that says nothing of the internals.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final DataSize maxUpload;
    private final ProblemTexts texts;

    ProblemHandling(@Value("${pe.web.max-upload}") DataSize maxUpload, Evaluations evaluations) {
        this.maxUpload = maxUpload;
        this.texts = evaluations.texts();
    }

    @ExceptionHandler(WebProblem.class)
    ResponseEntity<ProblemDetail> webProblem(WebProblem e, HttpServletRequest request) {
        return problem(e.status(), e.title(), e.getMessage(), views(e.errors(), request));
    }

    @ExceptionHandler(InputException.class)
    ResponseEntity<ProblemDetail> unusableInput(InputException e, HttpServletRequest request) {
        String lang = lang(request);
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "Unusable input",
                texts.line(e.problem(), lang), List.of(texts.view(e.problem(), lang)));
        if (e.problem().location() instanceof Location.InFile f && f.line() != null) {
            response.getBody().setProperty("line", f.line());
            response.getBody().setProperty("column", f.column());
        }
        return response;
    }

    @ExceptionHandler(ApplicationEditor.InvalidChange.class)
    ResponseEntity<ProblemDetail> invalidChange(ApplicationEditor.InvalidChange e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid change", "the change gives an invalid application: "
                + e.getMessage(), views(e.problems(), request));
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequest e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), views(e.problems(), request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> internal(Exception e) {
        log.error("internal error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the request could not be completed because of an internal error; it has been logged", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        WebProblem p = Upload.tooLarge(maxUpload);
        return new ResponseEntity<>(problem(p.status(), p.title(), p.getMessage(),
                p.errors().stream().map(e -> texts.view(e, "zh")).toList()).getBody(), HttpStatus.CONTENT_TOO_LARGE);
    }

    private List<ProblemTexts.View> views(List<Problem> problems, HttpServletRequest request) {
        String lang = lang(request);
        return problems.stream().map(p -> texts.view(p, lang)).toList();
    }

    /** The language the request asked for (zh unless it says en). */
    static String lang(HttpServletRequest request) {
        return "en".equals(request.getParameter("lang")) ? "en" : "zh";
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                 List<ProblemTexts.View> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(URI.create("about:blank"));
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(body);
    }
}
