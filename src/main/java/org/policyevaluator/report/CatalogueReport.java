package org.policyevaluator.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.policyevaluator.evaluation.Evaluation.ClauseRef;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.rules.RuleBase;
import org.policyevaluator.rules.RuleInfo;

/** The rule catalogue for auditors: every rule with its kind, dimension, maximum points, titles and clauses. */
public final class CatalogueReport {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * A rule: {@code basis} says whether it rests on the policy's text ("policy") or is the programme's own
     * design ("programme": a plausibility limit, say); a flag's {@code consequence} is note, check, hold or block.
     */
    public record Entry(String id, String kind, String dimension, BigDecimal maxPoints, String severity,
                        String titleZh, String titleEn, List<ClauseRef> clauses, String file, String basis,
                        String consequence, List<String> holds) {
    }

    public record Catalogue(String rulesetVersion, String program, List<Entry> rules) {
    }

    private CatalogueReport() {
    }

    public static Catalogue build(Evaluator evaluator, String program) {
        RuleBase rb = evaluator.ruleBase();
        List<Entry> entries = new ArrayList<>();
        for (RuleInfo r : rb.catalogue().values()) {
            var consequence = r.isFlag() ? rb.tables().flagConsequence(r.id()) : null;
            entries.add(new Entry(r.id(), r.kind(), r.dimension(), r.isScore() ? evaluator.maxPoints(r.id(), program) : null,
                    r.severity(), rb.title(r.id(), "zh"), rb.title(r.id(), "en"), evaluator.clauses(r), r.file(), r.basis(),
                    consequence == null ? null : consequence.consequence(),
                    consequence == null || consequence.holds().isEmpty() ? null : consequence.holds()));
        }
        return new Catalogue(rb.version(), program, entries);
    }

    public static void markdown(Catalogue c, PrintWriter out) {
        out.println("# Rule catalogue");
        out.println();
        out.println("Ruleset `" + c.rulesetVersion() + "`, points under programme `" + c.program() + "`.");
        out.println();
        out.println("| id | kind | dimension | max points | title (中文) | title (English) | clauses | basis |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (Entry e : c.rules()) {
            StringBuilder clauses = new StringBuilder();
            for (ClauseRef ref : e.clauses()) {
                clauses.append(clauses.isEmpty() ? "" : "<br>").append(ref.id()).append(" “").append(ref.quote())
                        .append("” (line ").append(ref.line()).append(")");
            }
            out.println("| " + e.id() + " | " + e.kind() + (e.severity() != null ? " (" + e.severity() + ")" : "")
                    + (e.consequence() != null ? ", " + e.consequence() + (e.holds() == null ? "" : " " + String.join(", ", e.holds())) : "")
                    + " | " + (e.dimension() == null ? "" : e.dimension()) + " | "
                    + (e.maxPoints() == null ? "" : e.maxPoints().toPlainString()) + " | " + e.titleZh() + " | "
                    + e.titleEn() + " | " + clauses + " | " + e.basis() + " |");
        }
    }
}
