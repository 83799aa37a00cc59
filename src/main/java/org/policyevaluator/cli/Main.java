package org.policyevaluator.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.policyevaluator.intake.InputException;
import org.policyevaluator.rules.RuleBaseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line. Exit status: 0 all evaluated; 3 evaluated with some applications rejected;
 * 2 unusable input or usage; 1 internal error. Only {@code serve} starts the web stack (Spring);
 * the other commands never do.
 */
@Command(name = "policy-evaluator", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Main.Version.class,
        description = "Scores project applications against the AI policy, explaining every point.",
        subcommands = {EvaluateCommand.class, WhatIfCommand.class, ProgramsCommand.class, RulesCommand.class,
                ImpactCommand.class, TemplateCommand.class, ServeCommand.class, VerifyCommand.class, BenchCommand.class,
                ReplayCommand.class, SchemaCommand.class, CommandLine.HelpCommand.class})
public class Main implements java.util.concurrent.Callable<Integer> {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int UNUSABLE = 2;
    static final int SOME_REJECTED = 3;
    /** verify found a broken audit chain; replay found a difference. */
    static final int CHECK_FAILED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
    }

    /** Runs a command line with the given streams; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InputException || e instanceof RuleBaseException || e instanceof UsageException) {
                err.println("error: " + e.getMessage());
                return UNUSABLE;
            }
            err.println("internal error: " + e);
            if (System.getenv("PE_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("(set PE_DEBUG=1 to print the stack trace)");
            }
            return INTERNAL_ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Without a command: the usage, and the usage exit status. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return UNUSABLE;
    }

    private static PrintStream utf8(FileDescriptor fd) {
        // Java 17 encodes stdout in the platform charset, which is ASCII in a bare CI shell.
        return new PrintStream(new FileOutputStream(fd), false, StandardCharsets.UTF_8);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"policy-evaluator " + (v == null ? "(development build)" : v)};
        }
    }

    /** A usage problem found after parsing (e.g. an unknown programme): exit 2 with the message. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
