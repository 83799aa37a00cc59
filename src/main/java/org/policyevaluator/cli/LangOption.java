package org.policyevaluator.cli;

import picocli.CommandLine.Option;

/**
 * --lang for a command whose report is in English (verify, replay, impact, rules check, bench): the language of
 * what it says about its own use and of its help. Main reads it from the command line before parsing.
 */
final class LangOption {
    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", descriptionKey = "messagesLang",
            description = "Language of messages and help: zh (default) or en; the report itself is in English.")
    String lang;
}
