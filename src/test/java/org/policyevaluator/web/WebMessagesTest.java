package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
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

/** The web's bundles: the same keys in Chinese and English, and every key the code names is in both. */
class WebMessagesTest {
    static final Pattern KEY_IN_CODE = Pattern.compile("\"((?:error|review|account)\\.[A-Za-z.]+[A-Za-z])\"");

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void bundlesShouldHaveTheSameKeys() throws IOException {
        assertThat(new TreeSet<>(bundle("messages_en.properties").stringPropertyNames()))
                .isEqualTo(new TreeSet<>(bundle("messages.properties").stringPropertyNames()));
    }

    @Test
    void everyProblemKeyTheCodeNamesShouldBeInTheBundles() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/policyevaluator"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        // keys built from a prefix ("error.notFound." + what) are listed by what the code passes
        named.removeIf(k -> k.endsWith("."));
        assertThat(named).contains("review.required", "account.password", "error.title.invalidOverride");
        Set<String> zh = bundle("messages.properties").stringPropertyNames();
        assertThat(named.stream().filter(k -> !zh.contains(k)).toList()).isEmpty();
    }
}
