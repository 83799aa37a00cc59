package org.policyevaluator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * What the command line says about its own use (a wrong option, a file it cannot write), in Chinese or
 * English, from cli/messages_zh.properties and cli/messages_en.properties; {0}, {1}… are the values. What
 * it says about applications and rules comes from the ruleset's messages.
 */
final class CliTexts {
    private static final Properties ZH = load("zh");
    private static final Properties EN = load("en");

    private CliTexts() {
    }

    /** A value worded in the language of the message it goes into. */
    interface Worded {
        String in(String lang);
    }

    static String text(String key, String lang, Object... args) {
        String template = ("en".equals(lang) ? EN : ZH).getProperty(key);
        if (template == null) {
            throw new IllegalStateException("no message " + key + " in cli/messages_" + lang + ".properties");
        }
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            template = template.replace("{" + i + "}", a instanceof Worded w ? w.in(lang) : String.valueOf(a));
        }
        return template;
    }

    /** The web's bundle, read when first asked for: only verify needs it. */
    private static final class Web {
        static final Properties ZH = read("/messages.properties");
        static final Properties EN = read("/messages_en.properties");
    }

    /**
     * A text of the web's bundle (messages.properties, messages_en.properties), for what the command line says as
     * the pages do (the audit chain's findings); formatted as Spring formats it: with MessageFormat when there are
     * values.
     */
    static String webText(String key, String lang, Object... args) {
        String template = ("en".equals(lang) ? Web.EN : Web.ZH).getProperty(key);
        if (template == null) {
            throw new IllegalStateException("no message " + key + " in the web's bundle");
        }
        return args.length == 0 ? template
                : new java.text.MessageFormat(template, "en".equals(lang) ? java.util.Locale.ENGLISH : java.util.Locale.CHINESE)
                        .format(args);
    }

    /** A text without values; {@code fallback} when there is none under the key. */
    static String textOr(String key, String lang, String fallback) {
        return ("en".equals(lang) ? EN : ZH).getProperty(key, fallback);
    }

    /** A ruleset as a report names it: the bundled rules in words, a folder or a stored ruleset as it is named. */
    static String rulesName(org.policyevaluator.rules.RuleBase rules, boolean bundled, String lang) {
        return bundled ? text("bundledRules", lang) : rules.origin();
    }

    /** "错误：" or "error: " and the message. */
    static String error(String lang, String message) {
        return text("errorPrefix", lang) + message;
    }

    /** The language a command line asks for: its --lang when that is en, else Chinese, the default. */
    static String lang(String[] args) {
        return "en".equals(langAsked(args)) ? "en" : "zh";
    }

    /** The value given to --lang (the last one), or null. */
    static String langAsked(String[] args) {
        String asked = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--lang=")) {
                asked = args[i].substring("--lang=".length());
            } else if (args[i].equals("--lang") && i + 1 < args.length) {
                asked = args[++i];
            }
        }
        return asked;
    }

    /** The help in Chinese (cli/help_zh.properties), for picocli; English is in the commands' annotations. */
    static ResourceBundle help() {
        try (InputStream in = CliTexts.class.getResourceAsStream("/cli/help_zh.properties")) {
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(String lang) {
        return read("/cli/messages_" + lang + ".properties");
    }

    private static Properties read(String resource) {
        Properties p = new Properties();
        try (InputStream in = CliTexts.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
