package org.policyevaluator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyevaluator.TestSupport;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.FieldType;
import tools.jackson.databind.JsonNode;

/**
 * "Chinese first": a Chinese page carries no English, raw code or field path. Each main page is fetched in
 * Chinese and every word in Latin letters that a reader sees (text, and the placeholder, title, alt and
 * aria-label attributes) must be one of these:
 * <ul>
 * <li>identifiers a reader needs as they are: rule ids (DC-010), clause ids, the ruleset version
 *     (sha256:…), the input's hash and the hash's name SHA-256, the ids of stored records (UUIDs), grades (A–D),
 *     national standards (GB 32100-2015);</li>
 * <li>what users wrote: the text the applicants typed in (titles, names, chip models — not the fields holding
 *     codes, which a page must name), the names of uploaded files, the user names of the accounts;</li>
 * <li>the brand and model names of the chip registry (tables/chips.csv), which the form's example uses;</li>
 * <li>words of the policy text itself, where a quote has them ("GPU");</li>
 * <li>terms a Chinese text writes in Latin letters: PUE, AI; the file formats JSON, Excel, XLSX, XLS; the unit MB.</li>
 * </ul>
 * The language switch's link, "English", names the other language in that language and is left out.
 */
class ChinesePagesTest extends WebTest {
    static final String APPLICANT = "zh-applicant";
    static final String REVIEWER = "zh-reviewer";
    static final String AUDITOR = "zh-auditor";
    static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*");
    static final Pattern IDENTIFIER = Pattern.compile(
            "[A-Z]{2}-\\d{3}|[AB]-\\d+(?:\\.\\d+)*|[A-D]|SHA-256|GB|PUE|AI|JSON|Excel|XLSX|XLS|MB");
    /** Removed before words are counted: ruleset versions, input hashes and record ids. */
    static final Pattern VERSION_OR_ID = Pattern.compile(
            "(?:sha256:)?[0-9a-f]{64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern VISIBLE_ATTRIBUTE = Pattern.compile("\\s(?:placeholder|title|alt|aria-label)=\"([^\"]*)\"");

    static String evaluationId;
    static final Set<String> ALLOWED = new LinkedHashSet<>();

    @BeforeEach
    void storedEvaluationWithAnOverride() throws Exception {
        if (evaluationId != null) {
            return;
        }
        account(APPLICANT, "APPLICANT");
        account(REVIEWER, "REVIEWER", "general");
        account(AUDITOR, "AUDITOR");
        evaluationId = json(send("POST", "/api/evaluations?program=general", APPLICANT, sample("green-textile-factory.json")))
                .get("evaluations").get(0).get("evaluationId").asString();
        var override = send("POST", "/api/evaluations/" + evaluationId + "/overrides", REVIEWER, "{\"targetKind\": "
                + "\"ELIGIBILITY\", \"ruleId\": \"GT-030\", \"newValue\": \"false\", \"justification\": \"资质证明文件已过期，需补交后再认定\"}");
        assertThat(override.statusCode()).isEqualTo(201);

        for (String sample : List.of("green-textile-factory.json", "batch-with-rejected-applications.json")) {
            JsonNode root = JsonIntake.mapper().readTree(sample(sample));
            for (JsonNode app : root.has("applications") ? root.get("applications") : root.isArray() ? root : List.of(root)) {
                typedWords(app, ALLOWED);
            }
            ALLOWED.add(sample);
        }
        List<String> chips = Files.readAllLines(Path.of("rules/tables/chips.csv"), StandardCharsets.UTF_8);
        for (String line : chips.subList(1, chips.size())) {
            String[] columns = line.split(",");
            // model, aliases, vendor
            tokens(columns[0] + " " + columns[1] + " " + columns[2], ALLOWED);
        }
        TestSupport.RULES.catalogue().keySet().forEach(id -> TestSupport.EVALUATOR.clauses(id)
                .forEach(c -> tokens(c.quote(), ALLOWED)));
    }

    /**
     * The words of what an applicant typed in: text fields, lists of items, and a value of a field of codes that
     * is no code (a problem quotes it) — never a valid code, which a page must name.
     */
    static void typedWords(JsonNode app, Set<String> into) {
        for (FieldDef f : TestSupport.RULES.schema().fields()) {
            JsonNode v = app.at("/" + f.path().replace('.', '/'));
            if (f.type() == FieldType.TEXT && v.isString()) {
                tokens(v.asString(), into);
            } else if (f.codes() != null) {
                Set<String> codes = new LinkedHashSet<>();
                f.codes().codes().forEach(c -> codes.add(c.code()));
                (v.isArray() ? v : List.of(v)).forEach(x -> {
                    if (x.isString() && !codes.contains(x.asString())) {
                        tokens(x.asString(), into);
                    }
                });
            } else if (f.type() == FieldType.ITEMS) {
                v.forEach(item -> item.forEach(x -> {
                    if (x.isString()) {
                        tokens(x.asString(), into);
                    }
                }));
            }
        }
    }

    static void tokens(String text, Set<String> into) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            into.add(m.group());
        }
    }

    /** What a reader of the page sees, as text: the page without scripts, styles and tags, and the visible attributes. */
    static String visible(String html) {
        String page = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>", " ")
                .replaceAll("(?s)<a[^>]*id=\"lang-switch\"[^>]*>.*?</a>", " ");
        StringBuilder text = new StringBuilder();
        Matcher attributes = VISIBLE_ATTRIBUTE.matcher(page);
        while (attributes.find()) {
            text.append(attributes.group(1)).append('\n');
        }
        text.append(page.replaceAll("(?s)<[^>]*>", " "));
        return VERSION_OR_ID.matcher(text.toString().replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&")).replaceAll(" ");
    }

    /** The words in Latin letters on the page that are not allowed, each with where it stands. */
    static List<String> latin(String html) {
        List<String> found = new ArrayList<>();
        String text = visible(html);
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (!IDENTIFIER.matcher(w).matches() && !ALLOWED.contains(w)) {
                int from = Math.max(0, m.start() - 30);
                found.add(w + "  «" + text.substring(from, Math.min(text.length(), m.end() + 30)).replaceAll("\\s+", " ")
                        + "»");
            }
        }
        return found;
    }

    static String word(String found) {
        return found.substring(0, found.indexOf(' '));
    }

    Map<String, String> pages() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", get("/").body());
        var result = upload("/evaluate", "green-textile-factory.json", sample("green-textile-factory.json")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(result.uri().getPath()).matches("/batches/[0-9a-f-]+/evaluations/0");
        pages.put("result", result.body());
        var batch = upload("/evaluate", "batch-with-rejected-applications.json",
                sample("batch-with-rejected-applications.json").getBytes(StandardCharsets.UTF_8));
        assertThat(batch.body()).contains("id=\"rejected\"");
        pages.put("batch", batch.body());
        pages.put("rules", get("/rules").body());
        pages.put("not found", get("/batches/no-such-batch").body());

        signIn(REVIEWER);
        pages.put("stored evaluation", get("/evaluations/" + evaluationId).body());
        pages.put("stored batches", get("/batches").body());
        signIn(AUDITOR);
        pages.put("audit", get("/audit").body());
        return pages;
    }

    @Test
    void chinesePagesShouldShowNoLatinWordsButTheAllowedIdentifiersAndTheUsersOwnData() throws Exception {
        Map<String, String> pages = pages();
        // every account's name (the web tests share one store): who submitted, who reviewed
        json(send("GET", "/api/users", ADMIN, null)).forEach(a -> ALLOWED.add(a.get("username").asString()));
        Map<String, List<String>> offending = new LinkedHashMap<>();
        pages.forEach((name, html) -> {
            List<String> words = latin(html);
            if (!words.isEmpty()) {
                offending.put(name, words);
            }
        });
        assertThat(offending).isEmpty();
    }

    @Test
    void latinShouldFindEnglishCodesAndPathsThatAPageMustNotShow() {
        // the check itself: what it must catch, and what it lets through
        assertThat(latin("<p>申报专项：<code>general</code></p>")).extracting(ChinesePagesTest::word).containsExactly("general");
        assertThat(latin("<p>单位类型：ENTERPRISE</p>")).extracting(ChinesePagesTest::word).containsExactly("ENTERPRISE");
        assertThat(latin("<li><code>$.compute.trainingDomesticShare</code> 应为比例</li>")).extracting(ChinesePagesTest::word)
                .containsExactly("compute.trainingDomesticShare");
        assertThat(latin("<span class=\"severity\">WARNING</span>")).extracting(ChinesePagesTest::word)
                .containsExactly("WARNING");
        assertThat(latin("<input placeholder=\"Filter by id\">")).extracting(ChinesePagesTest::word)
                .containsExactly("Filter", "by", "id");
        assertThat(latin("<td>DC-010</td><td>A-3.2</td><td>PUE 1.45</td><footer>sha256:" + "ab".repeat(32)
                + "</footer><a id=\"lang-switch\" href=\"?lang=en\">English</a><script>var x;</script>")).isEmpty();
    }
}
