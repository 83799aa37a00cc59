package org.policyevaluator.model;

import java.util.List;

/**
 * Names to places 0..n-1, for names asked for at every rule firing (field paths, derived facts): an open-addressed
 * table whose names are interned, so that the rule files' literals, which the JVM interns too, match by identity
 * with no boxed place to read.
 */
public final class Slots {
    private final String[] names;
    private final int[] hashes;
    private final int[] places;
    private final int mask;

    /** Each name at its index in the list; a name given twice keeps its first place. */
    public Slots(List<String> given) {
        int size = Integer.highestOneBit(Math.max(4, given.size() * 4) - 1) << 1; // at most a quarter full
        names = new String[size];
        hashes = new int[size];
        places = new int[size];
        mask = size - 1;
        for (int place = 0; place < given.size(); place++) {
            String name = given.get(place).intern();
            int h = name.hashCode();
            int i = spread(h) & mask;
            while (names[i] != null && !names[i].equals(name)) {
                i = (i + 1) & mask;
            }
            if (names[i] == null) {
                names[i] = name;
                hashes[i] = h;
                places[i] = place;
            }
        }
    }

    /** The place of a name, or -1 when it has none. */
    public int slot(String name) {
        int h = name.hashCode();
        int i = spread(h) & mask;
        String n;
        while ((n = names[i]) != null) {
            if (n == name || (hashes[i] == h && n.equals(name))) {
                return places[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
