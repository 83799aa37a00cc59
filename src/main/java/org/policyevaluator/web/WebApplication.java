package org.policyevaluator.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The web application: REST API, UI pages and OpenAPI description over the same {@code Evaluator} as the
 * command line. Started by the {@code serve} command only, so that no other command starts Spring.
 */
@SpringBootApplication
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
