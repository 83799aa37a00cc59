import java.util.List;
import java.util.function.ToLongFunction;
import org.policyevaluator.intake.JsonIntake;
import tools.jackson.core.JsonToken;

/** The timed loops every version's Work shares (compiled with it, against that version's jar). */
final class Rounds {
    /** How many applications go into one rule session, as a batch puts them. */
    static final int CHUNK = 32;

    private Rounds() {
    }

    /** Microseconds per application of a chunk's work, round the applications for the given time. */
    static <T> double chunks(double seconds, List<T> apps, ToLongFunction<List<T>> work) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long done = 0;
        int at = 0;
        while (System.nanoTime() < end) {
            if (at + CHUNK > apps.size()) {
                at = 0;
            }
            done += work.applyAsLong(apps.subList(at, at + CHUNK));
            at += CHUNK;
        }
        return (System.nanoTime() - start) / 1e3 / done;
    }

    /** Microseconds per application of a plain Jackson parse of the JSON array, into one tree per application. */
    static double parse(double seconds, byte[] json) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long done = 0;
        while (System.nanoTime() < end) {
            try (var parser = JsonIntake.mapper().createParser(json)) {
                parser.nextToken();
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    JsonIntake.mapper().readTree(parser);
                    done++;
                }
            }
        }
        return (System.nanoTime() - start) / 1e3 / done;
    }
}
