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

    /** Null when the code is valid; otherwise what is wrong with it, at {@code where}. */
    public static Problem problem(String code, Location where) {
        if (code.length() != 18) {
            return Problem.of(where, "problem.creditCode.length", "length", code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Problem.of(where, "problem.creditCode.character", "position", i + 1,
                        "character", String.valueOf(code.charAt(i)));
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Problem.of(where, "problem.creditCode.check", "given", String.valueOf(code.charAt(17)),
                    "expected", String.valueOf(expected));
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
