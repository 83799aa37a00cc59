package org.policyevaluator.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.policyevaluator.web.WebApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the web application (UI at /, REST API at /api, OpenAPI at /v3/api-docs).",
                "Other arguments go to Spring Boot, e.g. --server.port=8080 or --pe.web.max-upload=50MB."})
class ServeCommand implements Callable<Integer> {

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder to use instead of the bundled rules.")
    String rules;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>(springArgs);
        if (rules != null) {
            args.add("--pe.rules=" + rules);
        }
        ConfigurableApplicationContext context = SpringApplication.run(WebApplication.class, args.toArray(String[]::new));
        // Main exits the JVM when a command returns: wait until the server is shut down (Ctrl-C, SIGTERM).
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (context.isActive()) {
            closed.await();
        }
        return Main.OK;
    }
}
