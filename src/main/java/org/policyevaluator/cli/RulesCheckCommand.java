package org.policyevaluator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.policyevaluator.rules.RuleFiles;
import org.policyevaluator.tooling.RuleChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", description = "Check a rules folder (default: the bundled rules) before it goes live.")
class RulesCheckCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Rules folder to check.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RuleChecker checker = new RuleChecker(dir == null ? RuleFiles.bundled() : RuleFiles.fromDirectory(dir));
        var out = spec.commandLine().getOut();
        out.println("rules " + checker.ruleBase().origin() + " · " + checker.ruleBase().version() + " · "
                + checker.ruleBase().catalogue().size() + " rules");
        int failed = 0;
        for (RuleChecker.Check c : checker.run()) {
            out.println((c.passed() ? "[ok]   " : "[FAIL] ") + c.name());
            c.problems().forEach(p -> out.println("         - " + p));
            failed += c.passed() ? 0 : 1;
        }
        out.println(failed == 0 ? "all checks passed" : failed + " check(s) failed");
        return failed == 0 ? Main.OK : Main.UNUSABLE;
    }
}
