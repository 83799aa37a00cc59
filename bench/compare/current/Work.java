import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.policyevaluator.batch.SyntheticApplications;
import org.policyevaluator.evaluation.EvaluationRenderer;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.evaluation.Outcome;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.model.Application;
import org.policyevaluator.rules.RuleBase;

/** What Compare runs on a version with the schema redesign (decided outcomes, worded apart). */
public class Work {
    static Evaluator evaluator;
    static List<Application> apps;
    static String program;
    static byte[] json;
    /** The outcomes of every application, decided once: what mode 3 words. */
    static List<Outcome> decided;

    /**
     * The bundled rules and this version's synthetic applications, unless {@code -Dcompare.rules=DIR} (a rules folder,
     * compiled at run time) and {@code -Dcompare.applications=FILE} (a JSON array) say otherwise, as
     * bench/compare-versions.sh --same-policy has them.
     */
    public static void init() throws java.io.IOException {
        String folder = System.getProperty("compare.rules");
        String file = System.getProperty("compare.applications");
        RuleBase rules = folder == null ? RuleBase.bundled() : RuleBase.fromDirectory(Path.of(folder));
        evaluator = new Evaluator(rules);
        json = file != null ? Files.readAllBytes(Path.of(file))
                : JsonIntake.mapper().writeValueAsString(SyntheticApplications.generate(rules.schema(), 20000, 20251121L))
                        .getBytes(StandardCharsets.UTF_8);
        apps = new ArrayList<>();
        new JsonIntake(rules.reader()).read("synthetic", new ByteArrayInputStream(json), s -> apps.add(s.application()), r -> { });
        program = evaluator.defaultProgramme();
    }

    /**
     * Microseconds per application on one thread: mode 0 the engine alone (chunks of 32, nothing worded),
     * 1 explained evaluations (chunks of 32, worded in Chinese), 2 one application at a time, worded,
     * 3 the wording alone (outcomes decided once, beforehand, then worded in Chinese: colder in the cache than in a
     * batch, which words a chunk just after deciding it), 4 the engine alone one application at a time (against mode 0,
     * what a rule session of its own costs each), 5 a plain Jackson parse of the same JSON (what the size of an
     * application costs any program).
     */
    public static double run(int mode, double seconds) {
        if (mode == 5) {
            return Rounds.parse(seconds, json);
        }
        EvaluationRenderer renderer = evaluator.renderer();
        if (mode == 3) {
            if (decided == null) {
                decided = new ArrayList<>();
                for (int at = 0; at + Rounds.CHUNK <= apps.size(); at += Rounds.CHUNK) {
                    decided.addAll(evaluator.decideAll(apps.subList(at, at + Rounds.CHUNK), program));
                }
            }
            return Rounds.chunks(seconds, decided, chunk -> {
                chunk.forEach(o -> renderer.render(o, "zh"));
                return chunk.size();
            });
        }
        return Rounds.chunks(seconds, apps, chunk -> {
            if (mode == 0) {
                return evaluator.decideAll(chunk, program).size();
            }
            if (mode == 4) {
                for (Application a : chunk) {
                    evaluator.decide(a, program);
                }
                return chunk.size();
            }
            if (mode == 1) {
                for (Outcome o : evaluator.decideAll(chunk, program)) {
                    renderer.render(o, "zh");
                }
                return chunk.size();
            }
            for (Application a : chunk) {
                evaluator.evaluate(a, program, "zh");
            }
            return chunk.size();
        });
    }
}
