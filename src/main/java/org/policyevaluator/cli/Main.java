package org.policyevaluator.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.policyevaluator.intake.InputException;
import org.policyevaluator.rules.RuleBase;
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

    /** Read before parsing (help and messages are chosen by it); here so that the command line parses. */
    @CommandLine.Option(names = "--lang", paramLabel = "zh|en", scope = CommandLine.ScopeType.LOCAL,
            description = "Language of the help and messages: zh (default) or en.")
    String lang;

    public static void main(String[] args) {
        System.exit(run(args, utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
    }

    /** Runs a command line with the given streams; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        // the language is read before parsing: the help, and what is said of a command line that does not parse, need it
        String lang = CliTexts.lang(args);
        String asked = CliTexts.langAsked(args);
        if (asked != null && !asked.equals("zh") && !asked.equals("en")) {
            err.println(CliTexts.error(lang, new UsageException("usage.lang", asked).message(lang)));
            return UNUSABLE;
        }
        CommandLine cli = new CommandLine(new Main());
        if (!"en".equals(lang)) {
            helpIn(cli, CliTexts.help());
        }
        // every command's --lang is the language read here, wherever it stood ("--lang en evaluate …" too)
        cli.setDefaultValueProvider(arg -> arg.isOption()
                && ((CommandLine.Model.OptionSpec) arg).longestName().equals("--lang") ? lang : null);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        CommandLine.IParameterExceptionHandler parseErrors = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, given) -> "en".equals(lang)
                ? parseErrors.handleParseException(e, given) : parseError(e, err));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException u) {
                err.println(CliTexts.error(lang, u.message(lang)));
                return UNUSABLE;
            }
            if (e instanceof InputException i) {
                err.println(CliTexts.error(lang, RuleBase.bundled().problemTexts().line(i.problem(), lang)));
                return UNUSABLE;
            }
            if (e instanceof RuleBaseException r) {
                err.println(CliTexts.error(lang, CliTexts.text("rulesUnusable", lang, r.origin()) + "\n  "
                        + String.join("\n  ", r.problems())));
                return UNUSABLE;
            }
            err.println(CliTexts.text("internal", lang, e));
            if (System.getenv("PE_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println(CliTexts.text("internal.debug", lang));
            }
            return INTERNAL_ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The help of a command and of all its subcommands from a bundle (what it lacks stays as annotated). */
    static void helpIn(CommandLine command, java.util.ResourceBundle bundle) {
        command.getCommandSpec().resourceBundle(bundle);
        command.getSubcommands().values().forEach(sub -> helpIn(sub, bundle));
    }

    /**
     * A command line that does not parse, in Chinese: what is wrong, and where the help is; an English command line
     * gets picocli's own message and the usage.
     */
    private static int parseError(CommandLine.ParameterException e, PrintStream err) {
        String message;
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            message = CliTexts.text("parse.unmatched", "zh", String.join(" ", u.getUnmatched()));
        } else if (e instanceof CommandLine.MissingParameterException m) {
            message = CliTexts.text("parse.missing", "zh", String.join("、", m.getMissing().stream().map(Main::name).toList()));
        } else if (e.getArgSpec() != null && e.getValue() != null) {
            Iterable<String> choices = e.getArgSpec().completionCandidates();
            message = choices == null ? CliTexts.text("parse.invalid", "zh", name(e.getArgSpec()), e.getValue())
                    : CliTexts.text("parse.invalid.choices", "zh", name(e.getArgSpec()), e.getValue(), String.join("、", choices));
        } else {
            message = e.getMessage();
        }
        err.println(CliTexts.error("zh", message));
        err.println(CliTexts.text("parse.help", "zh", e.getCommandLine().getCommandSpec().qualifiedName()));
        return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
    }

    /** An option by its longest name (what is typed), a parameter by what it is ("文件" for FILE). */
    private static String name(CommandLine.Model.ArgSpec a) {
        return a instanceof CommandLine.Model.OptionSpec o ? o.longestName()
                : CliTexts.textOr("param." + a.paramLabel().replaceAll("\\W", ""), "zh", a.paramLabel());
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

    /**
     * A usage problem found after parsing (e.g. an unknown programme): exit 2 with the message, worded from
     * cli/messages_*.properties in the command's language ({@code key} and its values).
     */
    static final class UsageException extends RuntimeException {
        private final String key;
        private final Object[] args;

        UsageException(String key, Object... args) {
            super(CliTexts.text(key, "en", args));
            this.key = key;
            this.args = args.clone();
        }

        String message(String lang) {
            return CliTexts.text(key, lang, args);
        }
    }
}
