package org.policyevaluator.intake;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, S, V, Z), the last a check character computed from the first 17.
 */
public final class CreditCode {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Null when the code is valid; otherwise what is wrong with it, for a user to read. */
    public static String problem(String code) {
        if (code.length() != 18) {
            return "a credit code has 18 characters, this one has " + code.length();
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "character " + (i + 1) + " '" + code.charAt(i)
                        + "' is not allowed (digits and capital letters except I, O, S, V, Z)";
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return "check character is '" + code.charAt(17) + "' but GB 32100-2015 gives '" + expected
                    + "' for the first 17 characters";
        }
        return null;
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }
}
