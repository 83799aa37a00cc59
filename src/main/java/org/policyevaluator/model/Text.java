package org.policyevaluator.model;

import java.text.Normalizer;
import java.util.Locale;

/** Text forgiveness shared by header and value matching: width, case, spacing and separators. */
public final class Text {
    private Text() {
    }

    /** NFKC (full-width to half-width), trimmed. */
    public static String normal(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
            }
        }
        return s.strip(); // plain ASCII is its own NFKC form (most cells: numbers, codes)
    }

    /**
     * A matching key: NFKC, lower case, without white space, '_', '-' or a required-field '*', so that
     * "Applicant Name", "applicant_name" and "ＡＰＰＬＩＣＡＮＴ－ＮＡＭＥ" meet.
     */
    public static String key(String s) {
        String n = normal(s).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!Character.isWhitespace(c) && c != '_' && c != '-' && c != '*' && c != '\u3000') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
