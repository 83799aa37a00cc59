package org.policyevaluator.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.rules.Dimension;
import org.policyevaluator.store.AuditChain;
import org.policyevaluator.store.AuditWords;
import org.springframework.stereotype.Component;

/**
 * Values as a page shows them, for the templates ({@code ${@fmt.time(b.submittedAt, lang)}}): times,
 * programme and dimension names instead of ids, the web's own source names, locations and the audit
 * chain's findings in words — a Chinese page shows no code, path or English.
 */
@Component("fmt")
public class PageFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private final Evaluator evaluator;
    private final WebTexts texts;

    PageFormat(Evaluator evaluator, WebTexts texts) {
        this.evaluator = evaluator;
        this.texts = texts;
    }

    /** A stored time (ISO-8601, UTC) as "2026-03-01 09:30:00" with its zone named in the language. */
    public String time(String iso, String lang) {
        if (iso == null) {
            return "";
        }
        try {
            return texts.text("time.utc", lang, TIME.format(Instant.parse(iso)));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** A flag's severity in words as the ruleset names it (rules/messages, as the text report does); empty for none. */
    public String severity(String severity, String lang) {
        String name = severity == null ? null : evaluator.ruleBase().messages().find(lang, "severity." + severity);
        return name != null ? name : severity == null ? "" : severity;
    }

    public String programme(String id, String lang) {
        return id == null ? "–" : texts.programme(id, lang);
    }

    public String dimension(String id, String lang) {
        Dimension d = evaluator.ruleBase().tables().dimensions().get(id);
        return d == null ? id : d.name(lang);
    }

    /** A source the web names itself (a request body, an upload without a name); a file's name as it is. */
    public String source(String source, String lang) {
        return switch (source == null ? "" : source) {
            case "request body" -> texts.text("source.requestBody", lang);
            case "upload" -> texts.text("source.upload", lang);
            case "form" -> texts.text("source.form", lang);
            case "suggestion" -> texts.text("source.suggestion", lang);
            default -> source;
        };
    }

    /** How a tie on the total was broken, in words: by which dimension and its scores, or a shared rank. */
    public String tie(Evaluation.TieBreak t, String lang) {
        String head = texts.text("result.tie", lang, t.tiedWith());
        String how = t.decidedBy() == null ? texts.text("result.tie.shared", lang)
                : texts.text("result.tie." + t.outcome(), lang, dimension(t.decidedBy(), lang),
                        t.score().toPlainString() + " / " + t.otherScore().toPlainString(), t.tiedWith());
        return head + " · " + how;
    }

    /** Where the audit chain is broken, in words; empty when it is not. */
    public String brokenAt(AuditChain.Report report, String lang) {
        return report.broken() == null ? "" : AuditWords.where(report.broken(), (key, args) -> texts.text(key, lang, args));
    }

    /** Why the audit chain is broken, in words; empty when it is not. */
    public String brokenBecause(AuditChain.Report report, String lang) {
        return report.broken() == null ? "" : AuditWords.because(report.broken(), (key, args) -> texts.text(key, lang, args));
    }
}
