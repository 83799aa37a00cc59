package org.policyevaluator.tooling;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.CodeTable;
import org.policyevaluator.model.FieldDef;

/**
 * The field reference (docs/application-format.md), written from the schema alone: every field with its
 * type, whether it is required, what it takes, its names in Chinese and English, and every code table.
 * A test checks that the committed file is what this writes, so the reference cannot drift from the format.
 */
public final class FieldReference {
    private FieldReference() {
    }

    public static String markdown(ApplicationSchema schema) {
        return markdown(schema, java.util.Map.of());
    }

    /** The reference, with the claims that take evidence (tables/evidence.csv) and the kind each takes. */
    public static String markdown(ApplicationSchema schema,
                                  java.util.Map<String, org.policyevaluator.rules.PolicyTables.EvidenceClaim> claims) {
        StringBuilder md = new StringBuilder();
        md.append("# Application format\n\n");
        md.append("<!-- Written by `java -jar target/policy-evaluator.jar schema --format md` from "
                + "rules/schema/application.schema.json; do not edit by hand (a test compares them). -->\n\n");
        md.append("One application is one JSON object; a batch is an array of them or `{\"applications\": [...]}`. ")
                .append("The machine-readable definition is the JSON Schema (draft 2020-12) in ")
                .append("`rules/schema/application.schema.json`, served with each field's codes as its `enum` at ")
                .append("`GET /api/schema` and by `schema --format json`. Amounts are in 万元; shares are fractions 0–1. ")
                .append("A field left out (or null, or blank text) is not declared: it scores nothing and is never an error. ")
                .append("Unknown fields are ignored. In a workbook each field is a column headed by its path or either label; ")
                .append("a list is one cell, its items separated as the table says.\n\n");
        for (ApplicationSchema.Group g : schema.groups()) {
            md.append("## ").append(g.id().equals(ApplicationSchema.PROJECT) ? "The application" : "`" + g.id() + "`")
                    .append(" · ").append(g.label("zh")).append(" / ").append(g.label("en")).append("\n\n");
            md.append("| field | type | required | takes | 中文 | English |\n|---|---|---|---|---|---|\n");
            for (FieldDef f : g.fields()) {
                md.append("| `").append(f.path()).append("` | ").append(type(f)).append(" | ")
                        .append(f.required() ? "yes" : "").append(" | ").append(cell(takes(f))).append(" | ")
                        .append(cell(f.label("zh") + hint(f.hint("zh")))).append(" | ")
                        .append(cell(f.label("en") + hint(f.hint("en")))).append(" |\n");
            }
            md.append('\n');
        }
        if (!claims.isEmpty()) {
            md.append("## `").append(schema.evidenceProperty()).append("` · 佐证材料 / Evidence\n\n")
                    .append("An object keyed by the claim it supports, each a list of references (in a workbook, a column ")
                    .append("headed `evidence.<claim>`, references separated by `;`). A malformed reference is a problem at its ")
                    .append("place; duplicates count once; a count stands up to the number of valid distinct references. ")
                    .append("Claims and kinds: rules/tables/evidence.csv; recognised lists: rules/tables/official-lists.csv.\n\n");
            md.append("| claim | kind | required by | 中文 | English |\n|---|---|---|---|---|\n");
            for (var c : claims.values()) {
                md.append("| `").append(c.claim()).append("` | ").append(c.kind()).append(" | ")
                        .append(String.join(", ", c.programs())).append(" | ").append(cell(c.nameZh())).append(" | ")
                        .append(cell(c.nameEn())).append(" |\n");
            }
            md.append('\n');
        }
        md.append("## Codes\n\nEach list is a table under `rules/tables/`; adding a code is adding a row with its names.\n\n");
        for (CodeTable t : schema.codeTables().values()) {
            md.append("### `").append(t.name()).append("` (rules/tables/").append(t.name()).append(".csv)\n\n");
            md.append("| code | 中文 | English |\n|---|---|---|\n");
            for (CodeTable.Code c : t.codes()) {
                md.append("| `").append(c.code()).append("` | ").append(cell(c.nameZh())).append(" | ")
                        .append(cell(c.nameEn())).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String type(FieldDef f) {
        return switch (f.type()) {
            case TEXT -> "text";
            case NUMBER -> f.isShare() ? "share" : f.isPercent() ? "percent" : "number";
            case INTEGER -> "whole number";
            case BOOLEAN -> "true / false";
            case CODE -> "code";
            case CODE_LIST -> "list of codes";
            case ITEMS -> "list of {" + String.join(", ", f.itemFields().stream().map(FieldDef::property).toList()) + "}";
        };
    }

    private static String takes(FieldDef f) {
        List<String> parts = new ArrayList<>();
        if (f.codes() != null) {
            parts.add("codes of `" + f.codes().name() + "`");
        }
        String range = range(f);
        if (range != null) {
            parts.add(range);
        }
        if (f.maxLength() != null) {
            parts.add("at most " + f.maxLength() + " characters");
        }
        if (f.format() != null) {
            parts.add("format `" + f.format() + "`");
        }
        if (f.type().isList()) {
            List<String> seps = new ArrayList<>();
            f.separators().forEach(s -> seps.add(s.equals("\n") ? "new line" : "`" + s + "`"));
            parts.add("as text: items separated by " + String.join(" ", seps)
                    + (f.itemFormat() != null ? ", each `" + f.itemFormat() + "`" : ""));
        }
        return String.join("; ", parts);
    }

    private static String range(FieldDef f) {
        if (f.minimum() == null && f.maximum() == null) {
            return null;
        }
        String min = f.minimum() == null ? null : plain(f.minimum());
        String max = f.maximum() == null || f.maximum() >= Integer.MAX_VALUE ? null : plain(f.maximum());
        if (min != null && max != null) {
            return min + " to " + max;
        }
        return min != null ? (f.exclusiveMinimum() ? "more than " : "at least ") + min : "at most " + max;
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String hint(String hint) {
        return hint == null || hint.isBlank() ? "" : " — " + hint;
    }

    /** A table cell: pipes and line breaks would end it. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
