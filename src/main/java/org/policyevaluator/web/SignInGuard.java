package org.policyevaluator.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.policyevaluator.account.SignInThrottle;
import org.policyevaluator.intake.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What is checked before anyone is signed in: a request that changes something through the API from a page
 * of another site is refused (a browser would attach the Basic credentials it remembers), and an account or
 * client that failed to sign in too often is refused for a while ({@link SignInThrottle}), with 429 and
 * Retry-After on the API and a message on the sign-in page.
 */
class SignInGuard extends OncePerRequestFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Where anonymous visitors ask for evaluations: the API's and the pages' form posts. */
    private static final Set<String> EVALUATING = Set.of("/api/evaluations", "/api/whatif", "/evaluate", "/assess", "/apply");

    private final SignInThrottle throttle;
    private final WebTexts texts;
    private final AnonymousLimit anonymous;

    SignInGuard(SignInThrottle throttle, WebTexts texts, AnonymousLimit anonymous) {
        this.throttle = throttle;
        this.texts = texts;
        this.anonymous = anonymous;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/");
        if (api && !SAFE.contains(request.getMethod()) && crossSite(request)) {
            SecurityConfig.problem(response, texts, request, HttpStatus.FORBIDDEN, "error.title.forbidden",
                    Problem.of(null, "error.forbidden.crossSite"));
            return;
        }
        String username = api ? basicUser(request)
                : "POST".equals(request.getMethod()) && path.equals("/login") ? request.getParameter("username") : null;
        if (username != null || (!api && path.equals("/login") && "POST".equals(request.getMethod()))) {
            Optional<Duration> locked = throttle.lockedFor(username, request.getRemoteAddr());
            if (locked.isPresent()) {
                long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                if (api) {
                    SecurityConfig.problem(response, texts, request, HttpStatus.TOO_MANY_REQUESTS, "error.title.tooManySignIns",
                            Problem.of(null, "error.tooManySignIns", "seconds", seconds));
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?locked=" + seconds);
                }
                return;
            }
        }
        if ("POST".equals(request.getMethod()) && EVALUATING.contains(path) && username == null && !signedIn(request)) {
            String client = request.getRemoteAddr();
            long wait = anonymous.retryAfter(client);
            if (wait > 0) {
                response.setHeader("Retry-After", Long.toString(wait));
                SecurityConfig.problem(response, texts, request, HttpStatus.TOO_MANY_REQUESTS, "error.title.tooManyRequests",
                        Problem.of(null, "error.tooManyRequests", "seconds", wait));
                return;
            }
            if (!anonymous.enter(client)) {
                response.setHeader("Retry-After", "5");
                SecurityConfig.problem(response, texts, request, HttpStatus.TOO_MANY_REQUESTS, "error.title.tooManyRequests",
                        Problem.of(null, "error.tooManyAtOnce"));
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                anonymous.leave(client); // its body is read by now: what threads it held are free (evaluation may go on, async)
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** A page session signed in (the session is looked at, never made). */
    private static boolean signedIn(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getAttribute("SPRING_SECURITY_CONTEXT") != null;
    }

    /** Sent by a browser from a page of another site: Sec-Fetch-Site says so, or Origin names another host. */
    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            // a browser sets it and a page cannot: it decides, also behind a proxy that rewrites Host
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false; // a script or a tool, not a page
        }
        String host = request.getHeader("Host");
        try {
            URI o = URI.create(origin);
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return host == null || !authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return true;
        }
    }

    private static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
