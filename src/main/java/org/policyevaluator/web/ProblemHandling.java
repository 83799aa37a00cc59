package org.policyevaluator.web;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.InputException;
import org.policyevaluator.intake.Problem;
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
 * messages as the CLI in an {@code errors} extension of {@code {location, message}} items — and, for a
 * JSON syntax error, its {@code line} and {@code column}. Never a stack trace: an unexpected exception is
 * logged here and answered with a 500 that says nothing of the internals.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);
    /** "source line 3, column 5: message" as JsonIntake words it. */
    private static final Pattern LOCATED = Pattern.compile("^(.*? line (\\d+), column (\\d+)): (.*)$", Pattern.DOTALL);

    private final DataSize maxUpload;

    ProblemHandling(@Value("${pe.web.max-upload}") DataSize maxUpload) {
        this.maxUpload = maxUpload;
    }

    @ExceptionHandler(WebProblem.class)
    ResponseEntity<ProblemDetail> webProblem(WebProblem e) {
        return problem(e.status(), e.title(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(InputException.class)
    ResponseEntity<ProblemDetail> unusableInput(InputException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "Unusable input", e.getMessage(),
                List.of(located(e.getMessage())));
        Matcher m = LOCATED.matcher(e.getMessage());
        if (m.matches()) {
            response.getBody().setProperty("line", Integer.parseInt(m.group(2)));
            response.getBody().setProperty("column", Integer.parseInt(m.group(3)));
        }
        return response;
    }

    @ExceptionHandler(ApplicationEditor.InvalidChange.class)
    ResponseEntity<ProblemDetail> invalidChange(ApplicationEditor.InvalidChange e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid change", "the change gives an invalid application: "
                + e.getMessage(), List.of(located(e.getMessage())));
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
        return new ResponseEntity<>(problem(p.status(), p.title(), p.getMessage(), p.errors()).getBody(),
                HttpStatus.CONTENT_TOO_LARGE);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, List<Problem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(URI.create("about:blank"));
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(body);
    }

    /** A one-line message "where: what" as a located error. */
    static Problem located(String message) {
        Matcher m = LOCATED.matcher(message);
        if (m.matches()) {
            return new Problem(m.group(1), m.group(4));
        }
        int colon = message.indexOf(": ");
        return colon > 0 ? new Problem(message.substring(0, colon), message.substring(colon + 2))
                : new Problem("", message);
    }
}
