package org.policyevaluator.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing wrong with an input, before it is put into words: where it is, the key of its message in the
 * ruleset's message bundles (problem.*), and the values the message names. Two values have a meaning of
 * their own: {@code found} (a {@link Found}) is what was given, worded per language, and {@code field}
 * (a field path) lets the message say what the field expects. {@link ProblemTexts} words it.
 */
public record Problem(Location location, String key, Map<String, Object> args) {

    public Problem {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** A problem with its arguments given as name, value pairs. */
    public static Problem of(Location location, String key, Object... pairs) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            args.put((String) pairs[i], pairs[i + 1]);
        }
        return new Problem(location, key, args);
    }

    /**
     * A problem already in words (one language for all): for the few messages of the web layer not yet in
     * the bundles.
     */
    public static Problem literal(Location location, String text) {
        return of(location, "problem.literal", "text", text);
    }

    public Problem at(Location other) {
        return new Problem(other, key, args);
    }
}
