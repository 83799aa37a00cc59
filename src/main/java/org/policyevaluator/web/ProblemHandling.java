package org.policyevaluator.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.InputException;
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
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every error of the API as an RFC 9457 problem ({@code application/problem+json}) with the same located
 * messages as the CLI in an {@code errors} extension of {@code {location, message}} items. Locations are
 * machine values (JSON paths, parameter names); title, detail and messages are worded in the request's
 * {@code lang} (Chinese unless it says en) — and, for a JSON syntax error, its {@code line} and {@code column}.
 * Never a stack trace: an unexpected exception is logged here and answered with a 500 that says nothing of
 * the internals. (The pages have their own handling, {@link PageAdvice}, which comes first for them.)
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final DataSize maxUpload;
    private final WebTexts texts;

    ProblemHandling(@Value("${pe.web.max-upload}") DataSize maxUpload, WebTexts texts) {
        this.maxUpload = maxUpload;
        this.texts = texts;
    }

    /**
     * The answer to a failure met away from its request (a submission worked on after its answer was sent): as
     * the handlers below answer it.
     */
    ResponseEntity<ProblemDetail> answer(Throwable e, String lang) {
        if (e instanceof WebProblem w) {
            return problem(w, lang);
        }
        if (e instanceof InputException i) {
            return unusableInput(i, lang);
        }
        if (e instanceof ApplicationEditor.InvalidChange c) {
            return invalidChange(c, lang);
        }
        if (e instanceof InvalidRequest r) {
            return problem(WebProblem.invalid("error.title.invalidRequest", r.problems()), lang);
        }
        log.error("internal error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, texts.text("error.title.internal", lang),
                texts.text("error.internal", lang), List.of());
    }

    /** A problem's body as it is served (its properties beside the standard members), to be kept as JSON. */
    static java.util.Map<String, Object> body(ProblemDetail p) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("type", String.valueOf(p.getType()));
        m.put("title", p.getTitle());
        m.put("status", p.getStatus());
        m.put("detail", p.getDetail());
        if (p.getInstance() != null) {
            m.put("instance", p.getInstance().toString());
        }
        if (p.getProperties() != null) {
            m.putAll(p.getProperties());
        }
        return m;
    }

    @ExceptionHandler(WebProblem.class)
    ResponseEntity<ProblemDetail> webProblem(WebProblem e, HttpServletRequest request) {
        return problem(e, lang(request));
    }

    @ExceptionHandler(InputException.class)
    ResponseEntity<ProblemDetail> unusableInput(InputException e, HttpServletRequest request) {
        return unusableInput(e, lang(request));
    }

    private ResponseEntity<ProblemDetail> unusableInput(InputException e, String lang) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, texts.text("error.title.unusableInput", lang),
                texts.line(e.problem(), lang), List.of(texts.view(e.problem(), lang)));
        if (e.problem().location() instanceof Location.InFile f && f.line() != null) {
            response.getBody().setProperty("line", f.line());
            response.getBody().setProperty("column", f.column());
        }
        return response;
    }

    @ExceptionHandler(ApplicationEditor.InvalidChange.class)
    ResponseEntity<ProblemDetail> invalidChange(ApplicationEditor.InvalidChange e, HttpServletRequest request) {
        return invalidChange(e, lang(request));
    }

    private ResponseEntity<ProblemDetail> invalidChange(ApplicationEditor.InvalidChange e, String lang) {
        return problem(HttpStatus.BAD_REQUEST, texts.text("error.title.invalidChange", lang),
                texts.message(Problem.of(null, "error.invalidChange", "message", e.getMessage()), lang),
                views(e.problems(), lang));
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequest e, HttpServletRequest request) {
        return problem(WebProblem.invalid("error.title.invalidRequest", e.problems()), lang(request));
    }

    /**
     * A multipart body cut short or malformed (a client that gave up), too large or in too many parts: the
     * client's problem, logged in one line. Tomcat's own exception comes when a parameter is asked for first.
     */
    @ExceptionHandler({org.springframework.web.multipart.MultipartException.class,
            org.apache.tomcat.util.http.InvalidParameterException.class})
    ResponseEntity<ProblemDetail> unreadableMultipart(Exception e, HttpServletRequest request) {
        log.info("unreadable multipart body: {}", e.getMessage());
        return problem(Upload.unreadable(e, maxUpload), lang(request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> internal(Exception e, HttpServletRequest request) {
        log.error("internal error", e);
        String lang = lang(request);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, texts.text("error.title.internal", lang),
                texts.text("error.internal", lang), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        WebProblem p = Upload.unreadable(ex, maxUpload); // Spring calls too many parts too large as well
        return new ResponseEntity<>(problem(p, lang(request)).getBody(), p.status());
    }

    /**
     * Spring's own refusals (no such path, wrong method, a timeout...): English as Spring words them, in
     * Chinese by their status.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        String lang = lang(request);
        if (response != null && response.getBody() instanceof ProblemDetail detail
                && (statusCode.value() == 503 || !"en".equals(lang))) {
            String[] words = statusWords(statusCode.value());
            detail.setTitle(texts.text(words[0], lang));
            detail.setDetail(texts.message(Problem.of(null, words[1], "status", statusCode.value()), lang));
        }
        return response;
    }

    /** The title and detail keys of a status the web does not word case by case. */
    static String[] statusWords(int status) {
        return switch (status) {
            case 404 -> new String[] {"error.title.notFound", "error.notFound.page"};
            case 503 -> new String[] {"error.title.timeout", "error.timeout"};
            default -> new String[] {"error.title.status", "error.status"};
        };
    }

    private List<ProblemTexts.View> views(List<Problem> problems, String lang) {
        return problems.stream().map(p -> texts.view(p, lang)).toList();
    }

    /** The language the request asked for (zh unless it says en). */
    static String lang(HttpServletRequest request) {
        String lang;
        try {
            lang = request.getParameter("lang");
        } catch (RuntimeException e) {
            // a multipart body too large to be read: the query string still is
            lang = UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams()
                    .getFirst("lang");
        }
        return "en".equals(lang) ? "en" : "zh";
    }

    static String lang(WebRequest request) {
        return request instanceof NativeWebRequest n && n.getNativeRequest() instanceof HttpServletRequest r ? lang(r)
                : "zh";
    }

    private ResponseEntity<ProblemDetail> problem(WebProblem e, String lang) {
        ResponseEntity<ProblemDetail> r = problem(e.status(), texts.text(e.title(), lang), texts.line(e.detail(), lang),
                views(e.errors(), lang));
        return e.header() == null ? r : ResponseEntity.status(r.getStatusCode()).header(e.header()[0], e.header()[1]).body(r.getBody());
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
