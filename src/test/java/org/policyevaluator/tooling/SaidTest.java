package org.policyevaluator.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;

class SaidTest {
    static final Pattern KEY_IN_CODE = Pattern.compile("Said\\.of\\(\"([a-zA-Z.]+)\"|\"((?:at|reads|elsewhere)\\.[a-z.]+)\"");

    static Properties bundle(String lang) throws IOException {
        return TestSupport.properties("src/main/resources/tooling/checks_" + lang + ".properties");
    }

    @Test
    void bundlesShouldHaveTheSameKeysAndEveryKeyTheChecksName() throws IOException {
        assertThat(new TreeSet<>(bundle("zh").stringPropertyNames())).isEqualTo(new TreeSet<>(bundle("en").stringPropertyNames()));
        Set<String> named = new TreeSet<>();
        for (String file : List.of("RuleChecker.java", "SourceCheck.java")) {
            Matcher m = KEY_IN_CODE.matcher(Files.readString(Path.of("src/main/java/org/policyevaluator/tooling", file)));
            while (m.find()) {
                named.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        assertThat(named).contains("check.fire", "source.notThere", "reads.blank.lines", "elsewhere.line");
        Set<String> zh = bundle("zh").stringPropertyNames();
        assertThat(named.stream().filter(k -> !zh.contains(k)).toList()).isEmpty();
    }

    @Test
    void inShouldWordNestedSaidsAndJoinListsAsTheLanguageDoes() {
        Said at = Said.of("at.line", Said.of("who.clause", "A-1.2"), "16");
        Said notThere = Said.of("source.notThere", at, "引文", Said.of("reads.blank.line"),
                Said.of("elsewhere.lines", List.of("15", "17")));
        assertThat(notThere.in("en")).isEqualTo(
                "clause A-1.2 (clauses.csv), line 16: quote \"引文\" is not there; the line is blank; it is at lines 15, 17");
        assertThat(notThere.in("zh")).isEqualTo("条款 A-1.2（clauses.csv），第 16 行：引文“引文”不在此处；该行为空；它在第 15、17 行");
    }
}
