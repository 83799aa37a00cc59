package org.policyevaluator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;

class CliTextsTest {
    static final Pattern KEY_IN_CODE = Pattern.compile("\"((?:usage|parse|template|evaluate|verify|rulesCheck|impact|coverage)\\.[A-Za-z.]+[A-Za-z])\"");

    static Properties bundle(String lang) throws IOException {
        return TestSupport.properties("src/main/resources/cli/messages_" + lang + ".properties");
    }

    @Test
    void bundlesShouldHaveTheSameKeys() throws IOException {
        assertThat(new TreeSet<>(bundle("en").stringPropertyNames())).isEqualTo(new TreeSet<>(bundle("zh").stringPropertyNames()));
    }

    @Test
    void everyKeyTheCommandsNameShouldBeInTheBundles() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/policyevaluator/cli"))) {
            for (Path f : files.toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).contains("usage.lang", "usage.set.invalid", "parse.unmatched", "template.written", "evaluate.stored");
        Set<String> zh = bundle("zh").stringPropertyNames();
        assertThat(named.stream().filter(k -> !zh.contains(k)).toList()).isEmpty();
    }

    @Test
    void textShouldFillTheValuesAndWordAWordedValueInTheLanguage() {
        CliTexts.Worded yes = lang -> "en".equals(lang) ? "yes" : "是";
        assertThat(CliTexts.text("usage.whatif.noId", "zh", "a.json", yes)).isEqualTo("a.json：没有申报编号为“是”的有效申请");
        assertThat(CliTexts.text("usage.whatif.noId", "en", "a.json", yes)).isEqualTo("a.json: no valid application with applicationId \"yes\"");
        assertThat(CliTexts.error("zh", "x")).isEqualTo("错误：x");
        assertThat(CliTexts.error("en", "x")).isEqualTo("error: x");
    }

    @Test
    void langShouldBeEnglishOnlyWhenAskedFor() {
        assertThat(CliTexts.lang(new String[] {"evaluate", "--lang", "en", "a.json"})).isEqualTo("en");
        assertThat(CliTexts.lang(new String[] {"evaluate", "--lang=en"})).isEqualTo("en");
        assertThat(CliTexts.lang(new String[] {"evaluate", "--lang", "fr"})).isEqualTo("zh");
        assertThat(CliTexts.lang(new String[] {"evaluate", "en"})).isEqualTo("zh");
        assertThat(CliTexts.lang(new String[] {"evaluate", "--lang"})).isEqualTo("zh");
        assertThat(CliTexts.langAsked(new String[] {"verify", "--lang", "fr"})).isEqualTo("fr");
        assertThat(CliTexts.langAsked(new String[] {"verify"})).isNull();
    }

    @Test
    void langBeforeTheCommandShouldBeTheCommandsLanguageToo() {
        assertThat(CliRunner.run("--lang", "en", "programs").out()).startsWith("programme ");
        assertThat(CliRunner.run("programs").out()).startsWith("通用人工智能创新项目（--program general）");
        assertThat(CliRunner.run("--lang", "en", "verify", "--bogus").err()).startsWith("Unknown option: '--bogus'");
    }

    @Test
    void langWhenNeitherChineseNorEnglishShouldBeAUsageErrorForEveryCommand() {
        CliRunner r = CliRunner.run("verify", "--lang", "fr");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("错误：--lang 应为 zh（中文）或 en（英文），实际为 fr\n");
        assertThat(CliRunner.run("--lang=de", "--help").err()).isEqualTo("错误：--lang 应为 zh（中文）或 en（英文），实际为 de\n");
    }
}
