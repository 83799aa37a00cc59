package org.policyevaluator.tooling;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.rules.PolicyTables;
import org.policyevaluator.rules.Programme;

/**
 * Compares the same applications evaluated under two rulesets: old and new total, rank and grade for
 * each, and who crosses the funding line (the top N eligible, or eligible with at least a grade) — the
 * question a policy office asks before a weight changes.
 */
public final class Impact {

    /** Where funding stops: the top {@code top} ranks, or at least {@code grade}. */
    public record FundingLine(Integer top, String grade) {
        @Override
        public String toString() {
            return top != null ? "top " + top : grade != null ? "grade " + grade + " or better" : "none";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String applicationId, String title, String program, BigDecimal oldTotal, BigDecimal newTotal,
                      BigDecimal delta, Integer oldRank, Integer newRank, String oldGrade, String newGrade,
                      boolean oldEligible, boolean newEligible, boolean fundedBefore, boolean fundedAfter,
                      String crossing) {
    }

    public record Report(String baseVersion, String newVersion, String fundingLine, List<Row> rows,
                         List<String> newlyFunded, List<String> noLongerFunded) {
    }

    private Impact() {
    }

    public static Report compare(List<Evaluation> before, PolicyTables baseTables, List<Evaluation> after,
                                 PolicyTables newTables, FundingLine line) {
        Map<String, Evaluation> old = new HashMap<>();
        before.forEach(e -> old.put(e.applicationId(), e));
        List<Row> rows = new ArrayList<>();
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (Evaluation n : after) {
            Evaluation o = old.get(n.applicationId());
            if (o == null) {
                continue;
            }
            boolean fundedBefore = funded(o, line, baseTables);
            boolean fundedAfter = funded(n, line, newTables);
            String crossing = fundedBefore == fundedAfter ? null : fundedAfter ? "in" : "out";
            if ("in".equals(crossing)) {
                in.add(n.applicationId());
            } else if ("out".equals(crossing)) {
                out.add(n.applicationId());
            }
            rows.add(new Row(n.applicationId(), n.title(), n.program(), o.totalScore(), n.totalScore(),
                    n.totalScore().subtract(o.totalScore()), o.rank(), n.rank(), o.grade(), n.grade(), o.eligible(),
                    n.eligible(), fundedBefore, fundedAfter, crossing));
        }
        rows.sort(Comparator.comparing((Row r) -> r.newRank() == null ? Integer.MAX_VALUE : r.newRank())
                .thenComparing(Row::newTotal, Comparator.reverseOrder()).thenComparing(Row::applicationId));
        String baseVersion = before.isEmpty() ? null : before.get(0).rulesetVersion();
        String newVersion = after.isEmpty() ? null : after.get(0).rulesetVersion();
        return new Report(baseVersion, newVersion, line.toString(), rows, in, out);
    }

    static boolean funded(Evaluation e, FundingLine line, PolicyTables tables) {
        if (!e.eligible() || e.rank() == null) {
            return false;
        }
        if (line.top() != null) {
            return e.rank() <= line.top();
        }
        if (line.grade() != null) {
            Programme p = tables.programme(e.program());
            List<String> order = new ArrayList<>(p.grades().keySet()); // best grade first
            int wanted = order.indexOf(line.grade());
            return wanted >= 0 && order.indexOf(e.grade()) <= wanted;
        }
        return false;
    }
}
