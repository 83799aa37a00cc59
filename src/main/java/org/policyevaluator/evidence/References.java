package org.policyevaluator.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyevaluator.rules.PolicyTables;
import tools.jackson.databind.JsonNode;

/**
 * Checks one evidence reference of a kind (tables/evidence.csv): a CNIPA patent number with its check
 * character, a software-copyright registration number, a standard code, a listing on a recognised official
 * list (tables/official-lists.csv) in a year it was published, or a document by its SHA-256. A valid
 * reference has a key under which duplicates count once; an invalid one a message key and its values.
 */
public final class References {
    private static final Pattern PATENT = Pattern.compile("(?:ZL|CN)?\\s*(\\d{12})\\s*[.．]\\s*([0-9X])");
    private static final int[] PATENT_WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    private static final Pattern COPYRIGHT = Pattern.compile("((?:19|20)\\d{2})SR(\\d{7})");
    /** GB, GB/T, GB/Z; an industry code (YD/T, JB/T, SJ/T …); a group standard T/XXX; ISO, ISO/IEC, IEC, IEEE. */
    private static final Pattern STANDARD = Pattern.compile(
            "(GB(?:/[TZ])?|[A-Z]{2}(?:/[TZ])?|T/[A-Z][A-Z0-9]{1,11}|ISO(?:/IEC)?|IEC|IEEE(?:\\s*STD)?)\\s*"
                    + "(\\d+(?:\\.\\d+)*(?:-\\d+)?)\\s*[-:—–]\\s*((?:19|20)\\d{2})");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern DOCUMENT_TEXT = Pattern.compile("(.+?)\\s+sha256:\\s*([0-9a-fA-F]{64})", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");

    /** References written as text, as a workbook cell or a form input holds them: separated by ; or new lines. */
    public static List<String> split(String text) {
        List<String> out = new java.util.ArrayList<>();
        for (String ref : REFERENCE_SEPARATORS.split(text)) {
            if (!ref.isBlank()) {
                out.add(ref.strip());
            }
        }
        return out;
    }

    /** A reference as text: a document as "NAME sha256:HEX", any other as it is written. */
    public static String text(JsonNode ref) {
        return ref.isObject() ? ref.path("name").asString() + " sha256:" + ref.path("sha256").asString() : ref.asString();
    }

    private static final Pattern REFERENCE_SEPARATORS = Pattern.compile("[;；\\n\\r]+");

    /** A reference checked: its key (valid) or its problem as a message key and values (invalid). */
    public record Checked(String key, String problem, Object[] values) {
        public boolean valid() {
            return key != null;
        }

        static Checked ok(String key) {
            return new Checked(key, null, new Object[0]);
        }

        static Checked bad(String problem, Object... values) {
            return new Checked(null, problem, values);
        }
    }

    /** Each recognised list's names without quotes, spaces or case, longest first: what a listing is matched against. */
    private final List<Map.Entry<String, PolicyTables.OfficialList>> listNames = new java.util.ArrayList<>();

    public References(PolicyTables tables) {
        for (PolicyTables.OfficialList list : tables.officialLists()) {
            for (String name : names(list)) {
                listNames.add(Map.entry(plain(name), list));
            }
        }
        listNames.sort(java.util.Comparator.comparingInt((Map.Entry<String, PolicyTables.OfficialList> e) -> e.getKey().length())
                .reversed());
    }

    /** Checks a reference given for {@code claim}, whose kind the table gives. */
    public Checked check(PolicyTables.EvidenceClaim claim, JsonNode ref) {
        if (claim.kind().equals("document")) {
            return document(ref);
        }
        if (ref == null || !ref.isString() || ref.asString().isBlank()) {
            return Checked.bad("problem.evidence.text");
        }
        String text = ref.asString().strip();
        return switch (claim.kind()) {
            case "patent" -> patent(text, claim.claim().equals("innovation.inventionPatents"));
            case "softwareCopyright" -> copyright(text);
            case "standard" -> standard(text);
            case "listing" -> listing(text, claim.claim());
            default -> throw new IllegalStateException("kind " + claim.kind());
        };
    }

    /** A valid invention patent number of a year and a serial (test and benchmark data): ZL, year, 1, serial, check character. */
    public static String inventionPatent(int year, int serial) {
        String digits = year + "1" + String.format("%07d", serial % 10_000_000);
        return "ZL" + digits + "." + patentCheck(digits);
    }

    /** ZL201710601862.3: 12 digits, a dot, the check character (digits weighted 2..9,2..5, sum mod 11, 10 as X). */
    static Checked patent(String text, boolean invention) {
        Matcher m = PATENT.matcher(text.toUpperCase(Locale.ROOT).replace(" ", ""));
        if (!m.matches()) {
            return Checked.bad("problem.evidence.patent.form");
        }
        String digits = m.group(1);
        char expected = patentCheck(digits);
        if (m.group(2).charAt(0) != expected) {
            return Checked.bad("problem.evidence.patent.check", "given", m.group(2), "expected", String.valueOf(expected));
        }
        char type = digits.charAt(4);
        if (invention && type != '1' && type != '8') {
            return Checked.bad("problem.evidence.patent.notInvention", "type", String.valueOf(type));
        }
        return Checked.ok(digits);
    }

    /** The check character of a 12-digit CNIPA number. */
    public static char patentCheck(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * PATENT_WEIGHTS[i];
        }
        int c = sum % 11;
        return c == 10 ? 'X' : (char) ('0' + c);
    }

    /** 2023SR0123456 */
    static Checked copyright(String text) {
        Matcher m = COPYRIGHT.matcher(text.toUpperCase(Locale.ROOT).replace(" ", ""));
        return m.matches() ? Checked.ok(m.group(1) + "SR" + m.group(2)) : Checked.bad("problem.evidence.copyright");
    }

    /** GB/T 42755-2023, T/CESA 1271-2023, ISO/IEC 42001:2023, IEEE 2857-2021 */
    static Checked standard(String text) {
        Matcher m = STANDARD.matcher(text.toUpperCase(Locale.ROOT).replace('／', '/').strip());
        if (!m.matches()) {
            return Checked.bad("problem.evidence.standard");
        }
        return Checked.ok(m.group(1).replaceAll("\\s+", " ") + " " + m.group(2) + "-" + m.group(3));
    }

    /** "专精特新“小巨人”企业 第五批 2023": a recognised list that backs this claim, in a year it was published. */
    Checked listing(String text, String claim) {
        String plain = plain(text);
        PolicyTables.OfficialList found = null;
        for (var e : listNames) {
            if (plain.contains(e.getKey())) {
                found = e.getValue(); // the longest name that the text contains
                break;
            }
        }
        if (found == null) {
            return Checked.bad("problem.evidence.listing.unknown");
        }
        if (!found.claim().equals(claim)) {
            return Checked.bad("problem.evidence.listing.otherClaim", "list", found.name());
        }
        Matcher y = YEAR.matcher(text);
        if (!y.find()) {
            return Checked.bad("problem.evidence.listing.year", "list", found.name());
        }
        int year = Integer.parseInt(y.group(1));
        if (!found.years().contains(year)) {
            return Checked.bad("problem.evidence.listing.notPublished", "list", found.name(), "year", year);
        }
        return Checked.ok(found.name() + " " + year);
    }

    private static java.util.List<String> names(PolicyTables.OfficialList list) {
        java.util.List<String> all = new java.util.ArrayList<>(list.aliases());
        all.add(0, list.name());
        return all;
    }

    /** Without quotes, spaces and case, so that 专精特新"小巨人"企业 and 专精特新“小巨人”企业 match. */
    private static String plain(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && "\"“”'‘’「」『』".indexOf(c) < 0) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** {"name": "报告.pdf", "sha256": "…"} or "报告.pdf sha256:…" */
    static Checked document(JsonNode ref) {
        String name;
        String hash;
        if (ref != null && ref.isObject()) {
            name = ref.path("name").isString() ? ref.get("name").asString().strip() : "";
            hash = ref.path("sha256").isString() ? ref.get("sha256").asString().strip() : "";
        } else if (ref != null && ref.isString()) {
            Matcher m = DOCUMENT_TEXT.matcher(ref.asString().strip());
            if (!m.matches()) {
                return Checked.bad("problem.evidence.document.form");
            }
            name = m.group(1);
            hash = m.group(2);
        } else {
            return Checked.bad("problem.evidence.document.form");
        }
        if (name.isEmpty()) {
            return Checked.bad("problem.evidence.document.name");
        }
        if (!SHA256.matcher(hash).matches()) {
            return Checked.bad("problem.evidence.document.sha256");
        }
        return Checked.ok(hash.toLowerCase(Locale.ROOT));
    }
}
