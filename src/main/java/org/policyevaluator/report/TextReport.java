package org.policyevaluator.report;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.intake.ProblemTexts;

/**
 * A readable report for a terminal: the ranking, then each evaluation explained, then the rejections. In Chinese
 * it names programmes, dimensions and severities in words, never by their codes.
 */
public final class TextReport {
    private final boolean en;
    private final Function<String, String> programmeName;
    private final Function<String, String> severityName;

    /** {@code programmeName}, {@code severityName}: a programme's and a flag severity's name in the language. */
    public TextReport(String lang, Function<String, String> programmeName, Function<String, String> severityName) {
        this.en = "en".equals(lang);
        this.programmeName = programmeName;
        this.severityName = severityName;
    }

    /** The report from rows in rank order and the evaluations in input order, read once. */
    public void write(String rulesetVersion, List<RankedRow> rowsInRankOrder, Iterable<Evaluation> evaluations,
                      List<ProblemTexts.RejectedView> rejected, PrintWriter out) {
        out.println(t("政策评估结果", "Policy evaluation") + " · " + t("规则版本 ", "ruleset ") + rulesetVersion);
        out.println(t("已评估 ", "evaluated: ") + rowsInRankOrder.size() + " · " + t("已拒收 ", "rejected: ")
                + rejected.size());
        out.println();
        if (!rowsInRankOrder.isEmpty()) {
            out.println(t("排名", "Ranking"));
            out.printf("  %-5s %-18s %8s %-6s %-9s %s%n", t("名次", "rank"), t("申请编号", "id"), t("总分", "total"), t("等级", "grade"),
                    t("合格", "eligible"), t("项目名称", "title"));
            for (RankedRow e : rowsInRankOrder) {
                out.printf("  %-5s %-18s %8s %-6s %-9s %s%n", e.rank() == null ? "-" : e.rank(), e.applicationId(),
                        e.totalScore().toPlainString(), e.grade(), e.eligible() ? t("是", "yes") : t("否", "no"), e.title());
            }
            out.println();
        }
        for (Evaluation e : evaluations) {
            evaluation(e, out);
        }
        if (!rejected.isEmpty()) {
            out.println(t("拒收的申请", "Rejected applications"));
            for (ProblemTexts.RejectedView r : rejected) {
                // a problem with the file as a whole is located in the file already named
                boolean locatedApart = r.location() != null && !r.location().equals(r.source());
                out.println("  " + r.source() + (locatedApart ? " " + r.location() : "")
                        + (r.applicationId() != null ? t("（", " (") + r.applicationId() + t("）", ")") : ""));
                for (ProblemTexts.View p : r.problems()) {
                    out.println("    - " + (p.location() == null || p.location().isEmpty() ? "" : p.location() + t("：", ": "))
                            + p.message());
                }
            }
        }
    }

    private void evaluation(Evaluation e, PrintWriter out) {
        out.println("== " + e.applicationId() + " · " + e.title() + (e.applicant() != null ? " · " + e.applicant() : ""));
        out.println("   " + t("总分 ", "total ") + e.totalScore().toPlainString() + " / " + e.maxScore().toPlainString()
                + " · " + t("等级 ", "grade ") + e.grade() + " · "
                + (e.eligible() ? t("符合资格", "eligible") : t("不符合资格", "NOT eligible"))
                + (e.rank() != null ? " · " + t("名次 ", "rank ") + e.rank() : "") + " · " + t("项目类别 ", "programme ")
                + programmeName.apply(e.program()));
        if (e.declaredScore() != null && e.declaredScore().compareTo(e.totalScore()) != 0) {
            out.println("   " + t("按申报计 ", "as declared ") + e.declaredScore().toPlainString() + t(" 分，其中待核实 ", ", of which pending ")
                    + e.declaredScore().subtract(e.totalScore()).toPlainString() + t(" 分未计入总分", " left out of the total"));
        }
        if (e.review() != null && e.review().required()) {
            out.println("   " + t("需评审核实：", "review required: ") + String.join(t("；", "; "), e.review().reasons()));
        }
        for (var tie : e.tieBreaks()) {
            String decidedBy = tie.decidedBy() == null ? null : e.dimensions().stream()
                    .filter(d -> d.id().equals(tie.decidedBy())).map(Evaluation.DimensionScore::name).findFirst()
                    .orElse(tie.decidedBy());
            out.println("   " + (tie.decidedBy() == null
                    ? t("与 " + tie.tiedWith() + " 总分及各项均相同，并列名次", "tied with " + tie.tiedWith() + " on every criterion: shares the rank")
                    : t("与 " + tie.tiedWith() + " 总分相同，按" + decidedBy + "（" + tie.score().toPlainString() + " 对 "
                            + tie.otherScore().toPlainString() + "）排在其" + (tie.outcome().equals("above") ? "前" : "后"),
                    "tied with " + tie.tiedWith() + " on total; ranked " + tie.outcome() + " it by " + decidedBy
                            + " (" + tie.score().toPlainString() + " vs " + tie.otherScore().toPlainString() + ")")));
        }
        for (var d : e.dimensions()) {
            out.printf("   %-22s %6s / %s%n", d.name(), d.score().toPlainString(), d.maxScore().toPlainString());
        }
        out.println("   " + t("资格审查", "Gates"));
        for (var g : e.gates()) {
            out.println("     " + (g.passed() ? t("[通过]   ", "[ok]   ") : t("[未通过] ", "[FAIL] ")) + g.ruleId() + " " + g.title()
                    + ": " + g.reason());
        }
        if (!e.flags().isEmpty()) {
            out.println("   " + t("提示（需人工复核）", "Flags for a reviewer"));
            for (var f : e.flags()) {
                out.println("     [" + severityName.apply(f.severity()) + "] " + f.ruleId() + " " + f.message() + clauses(f.clauses()));
            }
        }
        out.println("   " + t("得分明细", "Findings"));
        for (var f : e.findings()) {
            out.printf("     %6s  %s %s: %s%s%n", "+" + f.points().toPlainString(), f.ruleId(), f.title(), f.reason(),
                    clauses(f.clauses()));
        }
        if (e.pending() != null && !e.pending().isEmpty()) {
            out.println("   " + t("待核实（未计入总分）", "Pending (left out of the total)"));
            for (var p : e.pending()) {
                out.printf("     %6s  %s %s: %s%n", "(" + p.points().toPlainString() + ")", p.ruleId(), p.title(), p.reason());
            }
        }
        if (!e.whyNot().isEmpty()) {
            out.println("   " + t("未得满分的原因", "Why not full points"));
            for (var w : e.whyNot()) {
                out.printf("     %6s  %s %s: %s%n", w.points().toPlainString() + "/" + w.maxPoints().toPlainString(),
                        w.ruleId(), w.title(), w.reason());
            }
        }
        if (e.suggestions() != null && !e.suggestions().isEmpty()) {
            out.println("   " + t("提分建议（增量均经重新评估验证）", "Suggestions (each gain verified by re-evaluation)"));
            for (var s : e.suggestions()) {
                out.println("     - " + s.text());
            }
        }
        out.println();
    }

    private static String clauses(List<Evaluation.ClauseRef> refs) {
        StringBuilder sb = new StringBuilder();
        for (var c : refs) {
            sb.append(sb.isEmpty() ? "  [" : "; ").append(c.id()).append(" “").append(c.quote()).append("”");
        }
        return sb.isEmpty() ? "" : sb.append("]").toString();
    }

    private String t(String zh, String english) {
        return en ? english : zh;
    }
}
