package org.policyevaluator.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.ProblemTexts;
import org.policyevaluator.intake.Rejection;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words what the web says in Chinese or English. Problems of the web's own requests (parameters,
 * overrides, accounts, uploads: {@code error.*}, {@code review.*}, {@code account.*}) are worded from the
 * web's bundle, messages*.properties, so that they do not depend on the ruleset being served; every other
 * problem by the ruleset's {@link ProblemTexts}. The API keeps JSON paths as locations (a client's tools
 * read them); a page names the place in words: the application, the field's label, the item.
 */
@Component
class WebTexts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)(?::([a-z]+))?}");

    private final MessageSource messages;
    private final Evaluator evaluator;

    WebTexts(MessageSource messages, Evaluator evaluator) {
        this.messages = messages;
        this.evaluator = evaluator;
    }

    static Locale locale(String lang) {
        return "en".equals(lang) ? Locale.ENGLISH : Locale.CHINESE;
    }

    ProblemTexts problemTexts() {
        return evaluator.ruleBase().problemTexts();
    }

    /** A text of the web's bundle with positional values, as the templates' #{key(...)} give it. */
    String text(String key, String lang, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale(lang));
    }

    /** A problem's message: from the web's bundle when it has the key, else the ruleset's. */
    String message(Problem p, String lang) {
        return message(p, lang, false);
    }

    /** A problem's message on a page: programmes are named, without the ids a client of the API sends. */
    String pageMessage(Problem p, String lang) {
        return message(p, lang, true);
    }

    private String message(Problem p, String lang, boolean page) {
        // without values Spring gives the text as written: the {name} placeholders are filled here
        String template = messages.getMessage(p.key(), null, null, locale(lang));
        return template == null ? problemTexts().message(p, lang) : fill(template, p.args(), lang, page);
    }

    /** "where: what" as the API words it; only what when there is no place. */
    String line(Problem p, String lang) {
        if (p.location() == null) {
            return message(p, lang);
        }
        String where = problemTexts().location(p.location(), lang);
        return where.isEmpty() ? message(p, lang) : where + ("en".equals(lang) ? ": " : "：") + message(p, lang);
    }

    /** A problem as the API gives it: the location as a machine reads it, the message in the language. */
    ProblemTexts.View view(Problem p, String lang) {
        return new ProblemTexts.View(p.location() == null ? "" : problemTexts().location(p.location(), lang),
                message(p, lang));
    }

    /** A problem as a page shows it: the place in words, the message in the language. */
    ProblemTexts.View pageView(Problem p, String lang) {
        return new ProblemTexts.View(place(p.location(), lang), pageMessage(p, lang));
    }

    /** The detail of a refused request on a page: a file or a sheet is named, a parameter or a JSON path is not. */
    String pageDetail(Problem detail, String lang) {
        if (detail.location() == null || detail.location() instanceof Location.InJson) {
            return pageMessage(detail, lang);
        }
        String where = problemTexts().location(detail.location(), lang);
        return where + ("en".equals(lang) ? ": " : "：") + pageMessage(detail, lang);
    }

    /**
     * A rejected application as a page shows it: its place in words, its problems' places within it (the heading
     * names the application), the messages in the language.
     */
    ProblemTexts.RejectedView pageView(Rejection r, String lang) {
        List<ProblemTexts.View> problems = new ArrayList<>();
        r.problems().forEach(p -> problems.add(new ProblemTexts.View(place(p.location(), false, lang), pageMessage(p, lang))));
        return new ProblemTexts.RejectedView(r.source(), r.location() == null ? null : place(r.location(), true, lang),
                r.applicationId(), problems);
    }

    /** A place in words: a cell or a file as the ruleset words it, a place in JSON by application, label and item. */
    String place(Location l, String lang) {
        return place(l, true, lang);
    }

    /** As {@link #place(Location, String)}; {@code withApplication} false leaves out the application's number. */
    private String place(Location l, boolean withApplication, String lang) {
        if (l == null) {
            return "";
        }
        if (l instanceof Location.InJson j) {
            return problemTexts().place(withApplication ? j.application() : null, j.field(), j.item(), j.itemField(), lang);
        }
        return problemTexts().location(l, lang);
    }

    /** The name of a programme in the language; its id when the ruleset does not know it. */
    String programme(String id, String lang) {
        return evaluator.ruleBase().tables().programmeName(id, lang);
    }

    /**
     * Fills {name} with the value; {program:name} names a programme, {programmes:names} a list of programme
     * ids (the machine value a client sends) each with its name — only the names on a page.
     */
    private String fill(String template, Map<String, Object> args, String lang, boolean page) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Object v = args.get(m.group(1));
            String text;
            if (v == null) {
                text = m.group();
            } else if ("name".equals(m.group(2))) {
                text = programme(String.valueOf(v), lang);
            } else if ("names".equals(m.group(2))) {
                List<String> named = new ArrayList<>();
                for (String id : String.valueOf(v).split(",\\s*")) {
                    named.add(page ? programme(id, lang)
                            : id + ("en".equals(lang) ? " (" + programme(id, lang) + ")" : "（" + programme(id, lang) + "）"));
                }
                text = String.join("en".equals(lang) ? ", " : "、", named);
            } else {
                text = String.valueOf(v);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(text));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
