package org.policyevaluator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServeCommandTest {

    @Test
    void serveWhenHelpIsAskedShouldPrintUsageWithoutStartingTheServer() {
        CliRunner r = CliRunner.run("serve", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("用法：policy-evaluator serve", "--server.port=8080", "--rules=DIR");
        // serve passes what it does not know to Spring Boot: --lang en is read before, for the help
        assertThat(CliRunner.run("serve", "--lang", "en", "--help").out()).contains("Usage: policy-evaluator serve");
    }

    @Test
    void helpShouldListTheServeCommand() {
        assertThat(CliRunner.run("--help").out()).contains("serve", "启动网页应用");
        assertThat(CliRunner.run("--lang", "en", "--help").out()).contains("serve", "Start the web application");
    }
}
