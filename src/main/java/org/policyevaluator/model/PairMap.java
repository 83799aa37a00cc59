package org.policyevaluator.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A few name/value pairs in the order given, read-only, in one array rather than a hash table with an entry
 * per pair: the evidence a rule hands over (a firing rule makes one; they were an eighth of what evaluation
 * allocated), an item of a list field such as a chip of the inventory (an application holds several, read by
 * every evaluation). A name given twice keeps its first place and its last value, as a LinkedHashMap would.
 * Values may be null (a field not declared). Equal to, and hashed as, any map of the same pairs.
 */
public final class PairMap extends AbstractMap<String, Object> {
    /** key, value, key, value, ... */
    private final Object[] pairs;

    /** {@code given}: field, value, field, value, ... (kept as it is when it names each field once). */
    public PairMap(Object... given) {
        this.pairs = given.length % 2 == 0 && distinctFields(given) ? given : merged(given);
    }

    private static boolean distinctFields(Object[] given) {
        for (int i = 0; i < given.length; i += 2) {
            if (!(given[i] instanceof String field)) {
                return false;
            }
            int hash = field.hashCode(); // the rules' field names are literals, their hashes known: most pairs differ there
            for (int j = 0; j < i; j += 2) {
                if (given[j] == field || given[j].hashCode() == hash && given[j].equals(field)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Object[] merged(Object[] given) {
        Object[] kept = new Object[given.length - given.length % 2];
        int n = 0;
        next:
        for (int i = 0; i + 1 < given.length; i += 2) {
            String key = String.valueOf(given[i]);
            for (int j = 0; j < n; j += 2) {
                if (kept[j].equals(key)) {
                    kept[j + 1] = given[i + 1];
                    continue next;
                }
            }
            kept[n] = key;
            kept[n + 1] = given[i + 1];
            n += 2;
        }
        return java.util.Arrays.copyOf(kept, n);
    }

    private int find(Object key) {
        for (int j = 0; j < pairs.length; j += 2) {
            if (pairs[j] == key) {
                return j;
            }
        }
        for (int j = 0; j < pairs.length; j += 2) {
            if (pairs[j].equals(key)) {
                return j;
            }
        }
        return -1;
    }

    @Override
    public Object get(Object key) {
        int j = find(key);
        return j < 0 ? null : pairs[j + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public int size() {
        return pairs.length / 2;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int at;

                    @Override
                    public boolean hasNext() {
                        return at < pairs.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> e = new SimpleImmutableEntry<>((String) pairs[at], pairs[at + 1]);
                        at += 2;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return PairMap.this.size();
            }
        };
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int j = 0; j < pairs.length; j += 2) {
            h += pairs[j].hashCode() ^ java.util.Objects.hashCode(pairs[j + 1]);
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof PairMap other)) {
            return super.equals(o);
        }
        if (other.pairs.length != pairs.length) {
            return false;
        }
        for (int j = 0; j < pairs.length; j += 2) {
            int k = other.find(pairs[j]);
            if (k < 0 || !java.util.Objects.equals(pairs[j + 1], other.pairs[k + 1])) {
                return false;
            }
        }
        return true;
    }
}
