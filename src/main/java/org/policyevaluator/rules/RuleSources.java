package org.policyevaluator.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRL file each rule is declared in, which the public Drools API does not tell: found by scanning the
 * DRL text for rule headers ({@code rule "NAME"}, {@code rule 'NAME'} or {@code rule NAME} at the start of
 * a line, outside block comments). Cheap enough for every start.
 */
final class RuleSources {
    private static final Pattern HEADER = Pattern.compile(
            "(?m)^[ \\t]*rule[ \\t]+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|([^\\s\"']+))");

    private RuleSources() {
    }

    /** Full rule name -> the path of its DRL file relative to the rules folder ("drl/gates.drl"). */
    static Map<String, String> files(RuleFiles files) {
        Map<String, String> where = new HashMap<>();
        for (String path : files.files().keySet()) {
            if (!path.endsWith(".drl")) {
                continue;
            }
            Matcher m = HEADER.matcher(blankBlockComments(files.text(path)));
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                where.putIfAbsent(name, path);
            }
        }
        return where;
    }

    /** Blanks block comments, keeping their line breaks. */
    private static String blankBlockComments(String s) {
        int from = s.indexOf("/*");
        if (from < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s);
        while (from >= 0) {
            int end = b.indexOf("*/", from + 2);
            end = end < 0 ? b.length() : end + 2;
            for (int i = from; i < end; i++) {
                if (b.charAt(i) != '\n') {
                    b.setCharAt(i, ' ');
                }
            }
            from = b.indexOf("/*", end);
        }
        return b.toString();
    }
}
