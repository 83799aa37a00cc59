package org.policyevaluator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyevaluator.evaluation.Facts;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.FieldDef;

/**
 * Checks, before the rules run, every field path and code-table column a DRL file names through the
 * vocabulary of {@link Facts} ({@code number("green.energySavingPercent")}, {@code lowest("techAreas",
 * "tier")}): each path must be a field of the schema or a derived fact, each column one of the field's code
 * table. A misspelt path would otherwise only show as a rule that never fires.
 */
final class FactPaths {
    /** A call of a Facts method with a quoted path, and for the table lookups a quoted column. */
    private static final Pattern CALL = Pattern.compile(
            "\\b(value|has|yes|number|count|text|codes|hasCode|isOneOf|attribute|codesWhere|anyWhere|allWhere|lowest)"
                    + "\\(\\s*\"([^\"]+)\"(?:\\s*,\\s*\"([^\"]+)\")?");
    private static final java.util.Set<String> LOOKUPS = java.util.Set.of("attribute", "codesWhere", "anyWhere", "allWhere",
            "lowest");

    private FactPaths() {
    }

    static void check(RuleFiles files, ApplicationSchema schema) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.files().entrySet()) {
            if (!e.getKey().endsWith(".drl")) {
                continue;
            }
            String[] lines = files.text(e.getKey()).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = CALL.matcher(lines[i]);
                while (m.find()) {
                    String where = e.getKey() + " line " + (i + 1) + ": " + m.group(1) + "(\"" + m.group(2) + "\"";
                    String path = m.group(2);
                    FieldDef f = schema.field(path);
                    if (f == null && !Facts.isDerived(path)) {
                        problems.add(where + "): " + path + " is neither a field of " + ApplicationSchema.FILE
                                + " nor a derived fact");
                    } else if (LOOKUPS.contains(m.group(1))) {
                        String column = m.group(3);
                        if (f == null || f.codes() == null) {
                            problems.add(where + "): " + path + " is not a field with codes, so it has no table to look up");
                        } else if (column != null && !f.codes().hasColumn(column)) {
                            problems.add(where + ", \"" + column + "\"): the code table tables/" + f.codes().name()
                                    + ".csv has no column " + column);
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(files.origin(), problems);
        }
    }
}
