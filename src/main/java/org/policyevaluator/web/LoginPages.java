package org.policyevaluator.web;

import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Signing in (the form Spring Security posts to) and the page of a refused action. */
@PageController
class LoginPages {
    private final Pages pages;

    LoginPages(Pages pages) {
        this.pages = pages;
    }

    @GetMapping("/login")
    ModelAndView login(@RequestParam(required = false) String error, @RequestParam(required = false) Long locked,
                       Locale locale) {
        ModelAndView mv = pages.page("login", Pages.lang(locale), "/login");
        mv.addObject("failed", error != null);
        mv.addObject("locked", locked == null || locked <= 0 ? null : locked);
        return mv;
    }

    @GetMapping("/denied")
    ModelAndView denied(Locale locale) {
        String lang = Pages.lang(locale);
        return pages.problem(HttpStatus.FORBIDDEN, pages.texts().text("denied", lang), List.of(), lang);
    }
}
