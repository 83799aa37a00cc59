package org.policyevaluator.intake.excel;

/** A1-style references packed as row << 20 | column (both 0-based); -1 when not valid. */
final class CellRef {
    private CellRef() {
    }

    static long parse(String ref) {
        int i = 0;
        int n = ref.length();
        int col = 0;
        while (i < n && i < 4) {
            char c = ref.charAt(i);
            if (c == '$') {
                i++;
                continue;
            }
            char u = Character.toUpperCase(c);
            if (u < 'A' || u > 'Z') {
                break;
            }
            col = col * 26 + (u - 'A' + 1);
            i++;
        }
        if (col == 0 || i >= n) {
            return -1;
        }
        if (ref.charAt(i) == '$') {
            i++;
        }
        long row = 0;
        int digits = 0;
        for (; i < n; i++) {
            char c = ref.charAt(i);
            if (c < '0' || c > '9' || digits > 8) {
                return -1;
            }
            row = row * 10 + (c - '0');
            digits++;
        }
        if (row < 1 || digits == 0) {
            return -1;
        }
        return (row - 1) << 20 | (col - 1);
    }

    static int row(long ref) {
        return (int) (ref >>> 20);
    }

    static int col(long ref) {
        return (int) (ref & 0xFFFFF);
    }

    static String column(int col) {
        StringBuilder sb = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            sb.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return sb.toString();
    }

    static String name(int row, int col) {
        return column(col) + (row + 1);
    }
}
