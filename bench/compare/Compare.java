import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares versions of the engine in one JVM: each version's jar, its lib/ and a Work class compiled against
 * it are loaded in a class loader of their own, and the versions take turns, round after round, on the same
 * machine at the same moment (these machines differ by up to 3× from one run to the next, and by much less
 * from one second to the next). Prints each version's median and best microseconds per application, and
 * each median as a ratio to the first version's.
 *
 * <p>Usage: {@code java Compare.java MODE ROUNDS SECONDS NAME=JAR_DIR:WORK_DIR ...}; MODE as in Work.run.
 */
public class Compare {
    public static void main(String[] args) throws Exception {
        int mode = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int n = args.length - 3;
        String[] names = new String[n];
        Method[] run = new Method[n];
        for (int k = 0; k < n; k++) {
            String[] spec = args[k + 3].split("=", 2);
            String[] dirs = spec[1].split(":");
            names[k] = spec[0];
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(dirs[1]).toUri().toURL());
            urls.add(Path.of(dirs[0], "policy-evaluator.jar").toUri().toURL());
            try (var libs = Files.list(Path.of(dirs[0], "lib"))) {
                for (Path jar : libs.sorted().toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> work = Class.forName("Work", true, loader);
            work.getMethod("init").invoke(null);
            run[k] = work.getMethod("run", int.class, double.class);
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < 3; i++) {
                run[k].invoke(null, mode, seconds); // the JIT compiles each version's code apart
            }
        }
        double[][] micros = new double[n][rounds];
        for (int i = 0; i < rounds; i++) {
            for (int k = 0; k < n; k++) {
                micros[k][i] = (double) run[k].invoke(null, mode, seconds);
            }
        }
        double first = median(micros[0]);
        for (int k = 0; k < n; k++) {
            double[] sorted = micros[k].clone();
            Arrays.sort(sorted);
            // the rounds are paired (the versions ran one after the other): the ratio within each round is spared
            // the drift of the machine between rounds, which the ratio of the two medians is not
            double[] paired = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                paired[i] = micros[k][i] / micros[0][i];
            }
            Arrays.sort(paired);
            System.out.printf("%-10s mode %d: median %7.1f µs/application, best %7.1f, median / %s's %.2f,"
                    + " round by round %.2f (middle half %.2f–%.2f)%n", names[k], mode, median(micros[k]), sorted[0],
                    names[0], median(micros[k]) / first, median(paired), paired[rounds / 4], paired[(3 * rounds) / 4]);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
