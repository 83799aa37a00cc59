package org.policyevaluator.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.policyevaluator.account.AdminBootstrap;
import org.policyevaluator.account.Accounts;
import org.policyevaluator.account.SignInThrottle;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.InvalidRequest;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.store.CheckpointSigner;
import org.policyevaluator.store.EvaluationStore;
import org.policyevaluator.store.IdempotencyKeys;
import org.policyevaluator.store.Submissions;
import org.policyevaluator.store.PanelStore;
import org.policyevaluator.store.Replayer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what (docs/store.md): the API signs in with HTTP Basic and keeps no session; the UI with a
 * form and a session. Anonymous visitors self-assess (nothing stored) and read the catalogue; stored
 * evaluations need an account, and what an account may see is decided per record by
 * {@link org.policyevaluator.account.Account}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    /** BCrypt; the cost is a setting so that tests can sign in cheaply. */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${pe.security.bcrypt-strength:10}") int strength) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }

    @Bean
    Accounts accounts(DataSource dataSource, PasswordEncoder encoder) {
        return new Accounts(dataSource, encoder);
    }

    /** Failed sign-ins counted in the store, per account and per client (settings in application.properties). */
    @Bean
    SignInThrottle signInThrottle(DataSource dataSource, @Value("${pe.security.sign-in.max-failures:5}") int perAccount,
                                  @Value("${pe.security.sign-in.max-client-failures:20}") int perClient,
                                  @Value("${pe.security.sign-in.window:15m}") Duration window,
                                  @Value("${pe.security.sign-in.lock:15m}") Duration lock) {
        return new SignInThrottle(dataSource, perAccount, perClient, window, lock);
    }

    @Bean
    SignInGuard signInGuard(SignInThrottle throttle, WebTexts texts,
                            @Value("${pe.web.anonymous.per-minute:120}") int anonymousPerMinute,
                            @Value("${pe.web.anonymous.concurrent:4}") int anonymousConcurrent) {
        return new SignInGuard(throttle, texts, new AnonymousLimit(anonymousPerMinute, anonymousConcurrent, Clock.systemUTC()));
    }

    /** Not a servlet filter of its own: it runs inside the security chains, before anyone is signed in. */
    @Bean
    FilterRegistrationBean<SignInGuard> signInGuardRegistration(SignInGuard guard) {
        var registration = new FilterRegistrationBean<>(guard);
        registration.setEnabled(false);
        return registration;
    }

    /** The key that signs the audit log's checkpoints, in a file beside the store, not in it; its public part printed once at creation. */
    @Bean
    CheckpointSigner checkpointSigner(
            @Value("${pe.audit.key-file:./data/audit-signing.key}") String keyFile) {
        var signer = CheckpointSigner.open(Path.of(keyFile));
        if (signer.created()) {
            System.out.println("Created the audit log's signing key in " + keyFile + " (keep it outside the database, back it up)."
                    + " Its public key, which checkpoints are verified with:\n\n    " + signer.publicKey() + "\n");
        }
        return signer;
    }

    /**
     * How long a submission may be at work before it is taken to have died with its node: far longer than any
     * batch the upload limit allows takes (seconds), and the same for its idempotency key and its status.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    /** Idempotency keys of submissions; a claim left without an answer for {@link #ABANDONED_AFTER} is taken over. */
    @Bean
    IdempotencyKeys idempotencyKeys(DataSource dataSource) {
        return new IdempotencyKeys(dataSource, ABANDONED_AFTER);
    }

    /** Submissions being worked on; one still running after {@link #ABANDONED_AFTER} died with its node. */
    @Bean
    Submissions submissions(DataSource dataSource) {
        return new Submissions(dataSource, ABANDONED_AFTER);
    }

    @Bean
    PanelStore panelStore(DataSource dataSource) {
        return new PanelStore(dataSource);
    }

    @Bean
    EvaluationStore evaluationStore(DataSource dataSource) {
        return new EvaluationStore(dataSource);
    }

    @Bean
    Replayer replayer(EvaluationStore store, Evaluator evaluator) {
        return new Replayer(store, evaluator);
    }

    /** The first admin: PE_ADMIN_USER / PE_ADMIN_PASSWORD, else a generated password printed once. */
    @Bean
    ApplicationRunner adminBootstrap(Accounts accounts, Evaluator evaluator, WebTexts texts,
                                     @Value("${PE_ADMIN_USER:}") String user, @Value("${PE_ADMIN_PASSWORD:}") String password) {
        Set<String> programmes = evaluator.ruleBase().tables().programmes().keySet();
        return args -> {
            try {
                new AdminBootstrap(accounts, System.out).run(user, password, programmes);
            } catch (InvalidRequest e) {
                // the operator's settings: said in the words of the log, English
                throw new IllegalStateException("PE_ADMIN_USER / PE_ADMIN_PASSWORD: " + String.join("; ",
                        e.problems().stream().map(p -> p.location().field() + ": " + texts.message(p, "en")).toList()), e);
            }
        };
    }

    /**
     * The headers of every page and API answer: no MIME sniffing, never in a frame, the referrer only to the
     * application itself, and scripts, styles, images and form targets only from the application.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    private static void headers(HttpSecurity http, boolean contentSecurityPolicy) throws Exception {
        http.headers(h -> {
            h.contentTypeOptions(Customizer.withDefaults())
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
            if (contentSecurityPolicy) {
                h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY));
            }
        });
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, WebTexts texts, SignInGuard guard) throws Exception {
        http.securityMatcher("/api/**")
                .addFilterBefore(guard, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        // anonymous self-assessment and the catalogue: nothing is stored for them
                        .requestMatchers(HttpMethod.POST, "/api/evaluations", "/api/whatif").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/rules", "/api/rules/**", "/api/programs",
                                "/api/template.xlsx", "/api/schema").permitAll()
                        .requestMatchers("/api/users", "/api/users/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/audit/checkpoint").authenticated()
                        .requestMatchers("/api/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/api/evaluations/**", "/api/batches", "/api/batches/**", "/api/submissions/**")
                        .authenticated()
                        // any other path: the 404 problem of an unknown endpoint
                        .anyRequest().permitAll())
                .httpBasic(b -> b.realmName("policy-evaluator").authenticationEntryPoint(unauthorized(texts)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized(texts))
                        .accessDeniedHandler((request, response, denied) -> problem(response, texts, request,
                                HttpStatus.FORBIDDEN, "error.title.forbidden", Problem.of(null, "error.forbidden.role",
                                        "method", request.getMethod(), "path", request.getRequestURI()))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // credentials travel with every request (Basic), never in a cookie; a browser that remembers them
                // would attach them to a forged request, which SignInGuard refuses by its Origin / Sec-Fetch-Site
                .csrf(c -> c.disable());
        headers(http, true);
        return http.build();
    }

    /** The OpenAPI description and the Swagger UI: open to all, and without the script policy, which breaks the Swagger UI. */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // read only: nothing for a forged request to do
                .csrf(c -> c.disable());
        headers(http, false);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain ui(HttpSecurity http, SignInGuard guard) throws Exception {
        http.addFilterBefore(guard, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/audit", "/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/evaluations/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/batches").authenticated()
                        // the self-assessment pages, the catalogue, in-memory results of anonymous visitors (a stored
                        // batch behind /batches/{id} is checked against the viewer), static files
                        .anyRequest().permitAll())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/batches").permitAll())
                .logout(l -> l.logoutSuccessUrl("/"))
                .exceptionHandling(e -> e.accessDeniedPage("/denied"))
                // an anonymous visitor gets no server session: the page it asked for before signing in and the
                // forms' token are kept in cookies; a session begins when someone signs in
                .requestCache(r -> r.requestCache(new CookieRequestCache()))
                // a forged form post matters only for a signed-in browser (or the login form itself):
                // an anonymous self-assessment stores nothing and needs no token
                .csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository())
                        .requireCsrfProtectionMatcher(signedInOrSigningIn()));
        headers(http, true);
        return http.build();
    }

    private static RequestMatcher signedInOrSigningIn() {
        Set<String> safe = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
        return request -> {
            if (safe.contains(request.getMethod())) {
                return false;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals("/login") || path.equals("/logout")) {
                return true;
            }
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        };
    }

    private static AuthenticationEntryPoint unauthorized(WebTexts texts) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"policy-evaluator\"");
            problem(response, texts, request, HttpStatus.UNAUTHORIZED, "error.title.unauthorized",
                    Problem.of(null, "error.unauthorized.signIn"));
        };
    }

    /** The same RFC 9457 shape as {@link ProblemHandling}, in the request's language, written before any controller is reached. */
    static void problem(HttpServletResponse response, WebTexts texts, HttpServletRequest request, HttpStatus status,
                        String title, Problem detail) throws IOException {
        String lang = ProblemHandling.lang(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", texts.text(title, lang));
        body.put("status", status.value());
        body.put("detail", texts.message(detail, lang));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.getOutputStream().write(JsonReport.mapper().writeValueAsBytes(body));
    }
}
