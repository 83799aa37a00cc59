package org.policyevaluator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServeCommandTest {

    @Test
    void serveWhenHelpIsAskedShouldPrintUsageWithoutStartingTheServer() {
        CliRunner r = CliRunner.run("serve", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: policy-evaluator serve", "--server.port=8080", "--rules=DIR");
    }

    @Test
    void helpShouldListTheServeCommand() {
        assertThat(CliRunner.run("--help").out()).contains("serve", "Start the web application");
    }
}
