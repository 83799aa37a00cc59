package org.policyevaluator.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyevaluator.rules.RuleFiles;
import org.policyevaluator.tooling.RuleChecker;
import org.policyevaluator.tooling.SourceCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", description = "Check a rules folder (default: the bundled rules) before it goes live.")
class RulesCheckCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    LangOption language = new LangOption();

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", descriptionKey = "dir", description = "Rules folder to check.")
    Path dir;

    @Option(names = "--source", paramLabel = "FILE",
            description = "The policy source text (UTF-8): check every clause and rule quote against its lines.")
    Path source;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // read before the rules are compiled, so that a wrong path is told at once
        SourceCheck sourceCheck = source == null ? null : readSource();
        RuleChecker checker = new RuleChecker(dir == null ? RuleFiles.bundled() : RuleFiles.fromDirectory(dir));
        var out = spec.commandLine().getOut();
        String lang = language.lang;
        out.println(CliTexts.text("rulesCheck.header", lang, CliTexts.rulesName(checker.ruleBase(), dir == null, lang),
                checker.ruleBase().version(),
                checker.ruleBase().catalogue().size()));
        List<RuleChecker.Check> checks = new ArrayList<>(checker.run());
        if (sourceCheck != null) {
            checks.add(checker.quotesInSource(sourceCheck, source.getFileName().toString()));
        }
        int failed = 0;
        for (RuleChecker.Check c : checks) {
            out.println(CliTexts.text(c.passed() ? "rulesCheck.ok" : "rulesCheck.failed", lang) + c.title().in(lang));
            c.problems(lang).forEach(p -> out.println("         - " + p));
            failed += c.passed() ? 0 : 1;
        }
        if (sourceCheck == null) {
            out.println(CliTexts.text("rulesCheck.skipped", lang));
        }
        out.println(failed == 0 ? CliTexts.text("rulesCheck.allPassed", lang) : CliTexts.text("rulesCheck.someFailed", lang, failed));
        return failed == 0 ? Main.OK : Main.UNUSABLE;
    }

    private SourceCheck readSource() {
        if (Files.isDirectory(source)) {
            throw new Main.UsageException("usage.source.folder", source);
        }
        try {
            return SourceCheck.read(source);
        } catch (NoSuchFileException e) {
            throw new Main.UsageException("usage.source.missing", source);
        } catch (AccessDeniedException e) {
            throw new Main.UsageException("usage.source.denied", source);
        } catch (CharacterCodingException e) {
            throw new Main.UsageException("usage.source.notUtf8", source);
        } catch (IOException e) {
            throw new Main.UsageException("usage.source.unreadable", source, e.getMessage());
        }
    }
}
