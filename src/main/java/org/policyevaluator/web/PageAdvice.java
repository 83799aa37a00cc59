package org.policyevaluator.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.policyevaluator.account.Account;
import org.policyevaluator.intake.ApplicationEditor;
import org.policyevaluator.intake.InputException;
import org.policyevaluator.intake.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * For every page ({@link PageController}): the signed-in account for the navigation, and every error as
 * the problem page, with the same located messages as the API but worded for a reader — places by
 * application and label, never a JSON path. Ordered before {@link ProblemHandling}, which answers the API.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {
    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final Pages pages;
    private final DataSize maxUpload;

    PageAdvice(Pages pages, @Value("${pe.web.max-upload}") DataSize maxUpload) {
        this.pages = pages;
        this.maxUpload = maxUpload;
    }

    /** The signed-in account (null for a visitor), for the navigation of every page. */
    @ModelAttribute("me")
    Account me(Principal principal) {
        return pages.viewer(principal).orElse(null);
    }

    @ExceptionHandler(WebProblem.class)
    ModelAndView webProblem(WebProblem e, Locale locale) {
        return pages.problem(e, Pages.lang(locale));
    }

    @ExceptionHandler(InputException.class)
    ModelAndView unusable(InputException e, Locale locale) {
        String lang = Pages.lang(locale);
        return pages.problem(HttpStatus.BAD_REQUEST, pages.texts().line(e.problem(), lang), List.of(e.problem()), lang);
    }

    @ExceptionHandler(ApplicationEditor.InvalidChange.class)
    ModelAndView invalidChange(ApplicationEditor.InvalidChange e, Locale locale) {
        String lang = Pages.lang(locale);
        return pages.problem(HttpStatus.BAD_REQUEST, pages.texts().text("error.title.invalidChange", lang), e.problems(),
                lang);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(Locale locale) {
        WebProblem p = Upload.tooLarge(maxUpload);
        return pages.problem(p.status(), pages.texts().message(p.detail(), Pages.lang(locale)), List.of(),
                Pages.lang(locale));
    }

    /** A form post whose multipart body Tomcat could not take apart (read when any parameter is first asked for). */
    @ExceptionHandler({InvalidParameterException.class, org.springframework.web.multipart.MultipartException.class})
    ModelAndView unreadableUpload(Exception e, Locale locale) {
        log.info("unreadable form post: {}", e.getMessage());
        WebProblem p = Upload.unreadable(e, maxUpload);
        String lang = Pages.lang(locale);
        return pages.problem(p.status(), pages.texts().message(p.detail(), lang), List.of(), lang);
    }

    @ExceptionHandler(AsyncRequestTimeoutException.class)
    ModelAndView timeout(Locale locale) {
        String lang = Pages.lang(locale);
        return pages.problem(HttpStatus.SERVICE_UNAVAILABLE, pages.texts().text("error.timeout", lang), List.of(), lang);
    }

    /** Spring's own refusals of a request (a missing parameter, a wrong method): worded by their status. */
    @ExceptionHandler(jakarta.servlet.ServletException.class)
    ModelAndView badRequest(jakarta.servlet.ServletException e, Locale locale) {
        if (e instanceof ErrorResponse r) {
            String lang = Pages.lang(locale);
            int status = r.getStatusCode().value();
            String detail = pages.texts().message(Problem.of(null, ProblemHandling.statusWords(status)[1], "status",
                    status), lang);
            return pages.problem(HttpStatus.valueOf(status), detail, List.of(), lang);
        }
        return internal(e, locale);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView internal(Exception e, Locale locale) {
        log.error("internal error", e);
        String lang = Pages.lang(locale);
        return pages.problem(HttpStatus.INTERNAL_SERVER_ERROR, pages.texts().text("error.internal", lang), List.of(),
                lang);
    }
}
