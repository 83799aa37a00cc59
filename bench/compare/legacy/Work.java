import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.policyevaluator.batch.SyntheticApplications;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.model.Application;
import org.policyevaluator.rules.RuleBase;

/** What Compare runs on a version before the schema redesign (b80d36c and earlier: evaluations worded at once). */
public class Work {
    static Evaluator evaluator;
    static List<Application> apps;
    static String program;
    static byte[] json;

    public static void init() {
        RuleBase rules = RuleBase.bundled();
        evaluator = new Evaluator(rules);
        json = JsonIntake.mapper().writeValueAsString(SyntheticApplications.generate(20000, 20251121L))
                .getBytes(StandardCharsets.UTF_8);
        apps = new ArrayList<>();
        new JsonIntake(rules.tables().programmes().keySet())
                .read("synthetic", new ByteArrayInputStream(json), s -> apps.add(s.application()), r -> { });
        program = evaluator.defaultProgramme();
    }

    /**
     * Writes this version's synthetic applications to a file, as JSON: what bench/compare-versions.sh --same-policy
     * gives both versions.
     */
    public static void main(String[] args) throws java.io.IOException {
        init();
        java.nio.file.Files.write(java.nio.file.Path.of(args[0]), json);
    }

    /** As current/Work.run; modes 0 and 1 are the same here: that version words as it evaluates. */
    public static double run(int mode, double seconds) {
        if (mode == 3 || mode == 4) {
            throw new IllegalArgumentException("mode " + mode + " needs a version that decides before it words");
        }
        if (mode == 5) {
            return Rounds.parse(seconds, json);
        }
        return Rounds.chunks(seconds, apps, chunk -> {
            if (mode <= 1) {
                return evaluator.evaluateAll(chunk, program, "zh").size();
            }
            for (Application a : chunk) {
                evaluator.evaluate(a, program, "zh");
            }
            return chunk.size();
        });
    }
}
