package org.policyevaluator.web;

import java.nio.file.Path;
import java.util.Locale;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.rules.RuleBase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;

/** One rule base and one evaluator for the whole application; JSON written as the CLI writes it; UI language. Security headers: SecurityConfig. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    /** The bundled rules, or the folder given with {@code pe.rules} (serve --rules DIR). */
    @Bean
    RuleBase ruleBase(@Value("${pe.rules:}") String rulesDir) {
        return rulesDir.isBlank() ? RuleBase.bundled() : RuleBase.fromDirectory(Path.of(rulesDir));
    }

    @Bean
    Evaluator evaluator(RuleBase ruleBase) {
        return new Evaluator(ruleBase);
    }

    /** A body refused as too slow is not read to its end: its connection closes (see AbandonedBodies). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> abandonedBodies() {
        return factory -> factory.addContextValves(new AbandonedBodies());
    }

    /**
     * Every cookie (the session of a signed-in page user, the forms' token, the page to return to after signing
     * in, the language) is SameSite=Lax: a page on another site cannot make a browser send them with its posts.
     */
    @Bean
    CookieSameSiteSupplier sameSiteLax() {
        return CookieSameSiteSupplier.ofLax();
    }

    /** The same settings as {@code JsonReport}: plain-notation numbers, indented, declaration order. */
    @Bean
    JsonMapperBuilderCustomizer deterministicJson() {
        return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Chinese unless the user picked English (?lang=en, kept in a cookie); never the server's locale. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("pe-lang");
        resolver.setDefaultLocale(Locale.CHINESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        // the API takes lang per request and sets no cookie
        registry.addInterceptor(lang).excludePathPatterns("/api/**");
    }
}
