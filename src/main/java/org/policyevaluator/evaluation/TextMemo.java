package org.policyevaluator.evaluation;

import java.util.Arrays;

/**
 * Texts already rendered, by language and the values they were rendered from: most reasons repeat across
 * applications (the same rule, band and declared values), and formatting is the costly part.
 *
 * <p>A batch holds tens of thousands of such texts and comes back to each only once per application, so a lookup
 * meets memory that is cold in the cache; its cost is the chain of objects it reads. An open-addressed table of
 * entries reads the slot, the entry and the entry's values: one object fewer than a hash map's node and key, and
 * none for a text of one value, which the entry keeps itself.
 *
 * <p>Bounded: the table doubles as it fills, up to a limit of entries, then starts afresh, so that memory never grows
 * with a batch. Shared by threads: a reader sees an entry whole or not at all (its fields are final), and at worst
 * renders a text again; writers take turns.
 */
final class TextMemo {
    private static final class Entry {
        final int hash;
        final String lang;
        /** The only value of a one-value text (values then null), else null. */
        final Object single;
        final Object[] values;
        final String text;

        Entry(int hash, String lang, Object[] values, String text) {
            this.hash = hash;
            this.lang = lang;
            this.single = values.length == 1 ? values[0] : null;
            this.values = values.length == 1 ? null : values;
            this.text = text;
        }

        boolean matches(int hash, String lang, Object[] values) {
            if (this.hash != hash || !this.lang.equals(lang)) {
                return false;
            }
            if (this.values == null) {
                return values.length == 1 && (single == values[0] || single != null && single.equals(values[0]));
            }
            return Arrays.equals(this.values, values);
        }
    }

    /** The most entries kept: at this many, the table starts afresh. */
    private final int limit;
    private Entry[] table = new Entry[16];
    private int size;

    /** {@code limit}: the most texts kept. */
    TextMemo(int limit) {
        this.limit = limit;
    }

    static int hash(String lang, Object[] values) {
        return 31 * lang.hashCode() + Arrays.hashCode(values);
    }

    /** The text rendered from these values in this language ({@code hash} from {@link #hash}), or null. */
    String get(int hash, String lang, Object[] values) {
        Entry[] t = table;
        int mask = t.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            Entry e = t[i];
            if (e == null) {
                return null;
            }
            if (e.matches(hash, lang, values)) {
                return e.text;
            }
        }
    }

    /** Keeps a text; {@code values} must not change afterwards. */
    synchronized void put(int hash, String lang, Object[] values, String text) {
        if (get(hash, lang, values) != null) {
            return; // another thread kept it meanwhile
        }
        if (size >= limit) {
            table = new Entry[16];
            size = 0;
        } else if (size >= table.length / 4 * 3) {
            table = grown(table);
        }
        Entry[] t = table;
        int mask = t.length - 1;
        int i = spread(hash) & mask;
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = new Entry(hash, lang, values, text);
        size++;
    }

    /** The entries of a table in one twice its size (readers go on with the old one meanwhile). */
    private static Entry[] grown(Entry[] t) {
        Entry[] g = new Entry[t.length * 2];
        int mask = g.length - 1;
        for (Entry e : t) {
            if (e != null) {
                int i = spread(e.hash) & mask;
                while (g[i] != null) {
                    i = (i + 1) & mask;
                }
                g[i] = e;
            }
        }
        return g;
    }

    int size() {
        return size;
    }

    /** Hashes of values that differ only in high bits (whole numbers as doubles) still spread over the slots. */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
