package org.policyevaluator.cli;

import java.nio.file.Path;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.rules.RuleBase;
import picocli.CommandLine.Option;

/** Options every command that evaluates shares: which rules, which programme, which language. */
final class RuleOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder to use instead of the bundled rules.")
    Path rules;

    @Option(names = "--program", paramLabel = "ID",
            description = "Programme to evaluate under (default: each application's own, else general).")
    String program;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh",
            description = "Language of titles and reasons: zh (default) or en.")
    String lang;

    /** The evaluator of the rules asked for; {@code lang} is zh or en (Main refuses any other before parsing). */
    Evaluator evaluator() {
        RuleBase rb = rules == null ? RuleBase.bundled() : RuleBase.fromDirectory(rules);
        if (program != null && rb.tables().programme(program) == null) {
            throw new Main.UsageException("usage.program", program, programmes(rb));
        }
        return new Evaluator(rb);
    }

    /** The programmes to choose from: in Chinese each code with its name ("compute（…专项）"), the code being what is typed. */
    static CliTexts.Worded programmes(RuleBase rb) {
        return lang -> String.join("en".equals(lang) ? ", " : "、", rb.tables().programmes().keySet().stream()
                .map(id -> "en".equals(lang) ? id : id + "（" + rb.tables().programmeName(id, "zh") + "）").toList());
    }
}
