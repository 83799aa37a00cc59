package org.policyevaluator.cli;

import picocli.CommandLine.Option;

/**
 * --lang for the commands that evaluate nothing (verify, replay, impact, rules check, bench): the language of their
 * messages and help, and of the reports of verify, rules check and impact. Main reads it from the command line before
 * parsing.
 */
final class LangOption {
    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", descriptionKey = "messagesLang",
            description = "Language: zh (default) or en; bench reports in English only, replay in JSON.")
    String lang;
}
