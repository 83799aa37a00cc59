package org.policyevaluator.batch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.evaluation.EvaluationRenderer;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.evaluation.Outcome;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.intake.excel.WorkbookIntake;
import org.policyevaluator.model.Application;
import org.policyevaluator.report.CatalogueReport;
import org.policyevaluator.report.xlsx.WorkbookReport;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measures the engine on synthetic applications, each figure after a warm-up. Since these machines vary
 * several-fold from one run to the next, every run also measures two references on the same
 * applications, and gives the explained figure as a ratio to each: a plain Jackson parse of the same JSON
 * (what any Java service pays to read it), and the engine alone (the rules fired and the outcome decided,
 * nothing worded). Then: intake (parse, schema validation, binding), explained evaluations (decided and
 * worded, as a batch writes them), one at a time, self-assessments with verified suggestions, a whole
 * batch through the pipeline, workbook rows read, report rows written.
 */
public final class Benchmark {

    public record Figures(int cores, int threads, int applications, long seed, double plainParsePerSecond,
                          double intakePerSecond, double engineOnlyPerSecond, double evaluationsPerSecond,
                          double explainedToEngine, double explainedToPlainParse, double singleEvaluationsPerSecond,
                          double pipelinePerSecond, double selfAssessmentsPerSecond, double selfAssessmentMeanMillis,
                          double selfAssessmentP99Millis, double xlsxRowsReadPerSecond, double reportRowsWrittenPerSecond,
                          String java) {
    }

    private final Evaluator evaluator;
    private final int threads;
    private final double seconds;
    private final double warmup;

    /**
     * @param seconds how long each throughput figure is measured
     * @param warmup how long the evaluation figures warm up first: the JIT needs several seconds to compile
     *               the rule network and the explanation code (measured: 10k/s after 2 s, 26k/s after 10 s, one thread)
     */
    public Benchmark(Evaluator evaluator, int threads, double seconds, double warmup) {
        this.evaluator = evaluator;
        this.threads = threads;
        this.seconds = seconds;
        this.warmup = warmup;
    }

    public Figures run(int n, long seed) {
        List<ObjectNode> generated = SyntheticApplications.generate(evaluator.ruleBase().schema(), n, seed);
        byte[] json = JsonIntake.mapper().writeValueAsString(generated).getBytes(StandardCharsets.UTF_8);
        JsonIntake intake = new JsonIntake(evaluator.ruleBase().reader());
        List<Application> apps = new ArrayList<>();
        intake.read("synthetic", new ByteArrayInputStream(json), s -> apps.add(s.application()), r -> { });
        if (apps.size() != n) {
            throw new IllegalStateException("synthetic applications rejected: " + (n - apps.size()));
        }
        double plainParse = repeat(() -> plainParse(json));
        double parse = repeat(() -> {
            AtomicLong count = new AtomicLong();
            intake.read("synthetic", new ByteArrayInputStream(json), s -> count.incrementAndGet(), r -> count.incrementAndGet());
            return count.get();
        });
        String program = evaluator.defaultProgramme();
        EvaluationRenderer renderer = evaluator.renderer();
        // in chunks, as a batch evaluates them; one at a time is measured too, as a single request is evaluated
        double engine = parallel(apps, Evaluator.CHUNK, warmup, chunk -> evaluator.decideAll(chunk, program).size());
        double evaluations = parallel(apps, Evaluator.CHUNK, Math.min(warmup, 3), chunk -> {
            for (Outcome o : evaluator.decideAll(chunk, program)) {
                renderer.render(o, "zh");
            }
            return chunk.size();
        });
        double single = parallel(apps, 1, Math.min(warmup, 3), chunk -> {
            evaluator.evaluate(chunk.get(0), program, "zh");
            return 1;
        });
        double pipeline = repeat(() -> pipeline(apps));
        double assessments = parallel(apps, 1, Math.min(warmup, 3), chunk -> {
            evaluator.assess(chunk.get(0), program, "zh");
            return 1;
        });
        double[] latency = latencies(apps);
        double rowsRead;
        double rowsWritten;
        try {
            Path workbook = Files.createTempFile("bench", ".xlsx");
            Path report = Files.createTempFile("bench-report", ".xlsx");
            try {
                writeWorkbook(generated, workbook);
                rowsRead = readWorkbook(workbook, n);
                rowsWritten = writeReport(apps, report);
            } finally {
                Files.deleteIfExists(workbook);
                Files.deleteIfExists(report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Figures(Runtime.getRuntime().availableProcessors(), threads, n, seed, round(plainParse), round(parse),
                round(engine), round(evaluations), ratio(evaluations, engine), ratio(evaluations, plainParse), round(single),
                round(pipeline), round(assessments), round(latency[0]), round(latency[1]), round(rowsRead), round(rowsWritten),
                System.getProperty("java.version"));
    }

    /** Parses the JSON as any Java service would, into a tree per application, and does nothing else with it. */
    private static long plainParse(byte[] json) {
        long count = 0;
        try (JsonParser p = JsonIntake.mapper().createParser(json)) {
            p.nextToken(); // [
            while (p.nextToken() == JsonToken.START_OBJECT) {
                JsonNode node = JsonIntake.mapper().readTree(p);
                count += node.size() > 0 ? 1 : 0;
            }
        }
        return count;
    }

    /**
     * A whole batch through the pipeline a command or request uses: evaluated on the worker threads,
     * ranked, and every evaluation worded in input order (as a JSON document is written).
     */
    private long pipeline(List<Application> apps) {
        try (BatchRun run = new BatchRun(evaluator, null, false, threads, BatchRun.Keep.MEMORY, done -> { })) {
            for (int i = 0; i < apps.size(); i++) {
                run.accept(new Submission("synthetic", Location.InJson.of("$[" + i + "]"), apps.get(i)));
            }
            BatchRun.Result result = run.finish();
            long worded = 0;
            for (Evaluation e : result.evaluations(result.rows(), "zh", true)) {
                worded += e.applicationId() != null ? 1 : 0;
            }
            return worded;
        }
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : Math.round(a / b * 100) / 100.0;
    }

    /** Items per second of a task that handles a known number of items, repeated for the measuring time. */
    private double repeat(java.util.function.LongSupplier task) {
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        while (System.nanoTime() < warmEnd) {
            task.getAsLong();
        }
        long items = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            items += task.getAsLong();
        }
        return items / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Applications per second on all worker threads, each going round the applications from its own
     * offset, {@code chunk} at a time.
     */
    private double parallel(List<Application> apps, int chunk, double warmSeconds,
                            java.util.function.ToIntFunction<List<Application>> work) {
        for (boolean warm : new boolean[] {true, false}) {
            long duration = (long) ((warm ? warmSeconds : seconds) * 1e9);
            AtomicLong done = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int offset = t * apps.size() / threads;
                Thread w = new Thread(() -> {
                    long end = start + duration;
                    long count = 0;
                    for (int i = offset; System.nanoTime() < end; i = (i + chunk) % apps.size()) {
                        count += work.applyAsInt(apps.subList(i, Math.min(apps.size(), i + chunk)));
                    }
                    done.addAndGet(count);
                });
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (!warm) {
                return done.get() / ((System.nanoTime() - start) / 1e9);
            }
        }
        throw new IllegalStateException();
    }

    /** Mean and 99th percentile of one self-assessment, in milliseconds, on one thread. */
    private double[] latencies(List<Application> apps) {
        int samples = Math.min(apps.size(), 2_000);
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            evaluator.assess(apps.get(i), evaluator.defaultProgramme(), "zh");
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double mean = Arrays.stream(ms).average().orElse(0);
        Arrays.sort(ms);
        return new double[] {mean, ms[Math.min(samples - 1, (int) Math.ceil(samples * 0.99) - 1)]};
    }

    /** A plain sheet: field paths in the first row, one application per row, as other programs export it. */
    public static void writeWorkbook(List<ObjectNode> apps, Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        TreeMap<String, Integer> columns = new TreeMap<>();
        for (ObjectNode a : apps) {
            Map<String, String> cells = new java.util.LinkedHashMap<>();
            flatten("", a, cells);
            cells.keySet().forEach(k -> columns.putIfAbsent(k, 0));
            rows.add(cells);
        }
        List<String> header = new ArrayList<>(columns.keySet());
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try (OutputStream out = Files.newOutputStream(file)) {
            SXSSFSheet sheet = wb.createSheet("applications");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < header.size(); c++) {
                    String v = rows.get(r).get(header.get(c));
                    if (v != null) {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> cells) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), cells);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) {
                items.add(!item.isObject() || item.has("sha256") ? org.policyevaluator.evidence.References.text(item)
                        : item.get("model").stringValue() + "*" + item.get("count").intValue());
            }
            cells.put(prefix, String.join("; ", items));
        } else {
            cells.put(prefix, node.asString());
        }
    }

    private double readWorkbook(Path file, int n) {
        WorkbookIntake intake = new WorkbookIntake(evaluator.ruleBase().reader());
        return repeat(() -> {
            AtomicLong rows = new AtomicLong();
            intake.read(file, s -> rows.incrementAndGet(), r -> rows.incrementAndGet(), w -> { });
            if (rows.get() != n) {
                throw new IllegalStateException("read " + rows.get() + " rows of " + n);
            }
            return rows.get();
        });
    }

    /** Report rows (ranking, findings, gates and flags) per second, the batch streamed from its spool. */
    private double writeReport(List<Application> apps, Path file) throws IOException {
        try (BatchRun batch = new BatchRun(evaluator, null, false, threads, BatchRun.Keep.DISK, done -> { })) {
            for (int i = 0; i < apps.size(); i++) {
                batch.accept(new Submission("synthetic", Location.InJson.of("$[" + i + "]"), apps.get(i)));
            }
            BatchRun.Result result = batch.finish();
            CatalogueReport.Catalogue catalogue = CatalogueReport.build(evaluator, evaluator.defaultProgramme());
            return repeat(() -> {
                AtomicLong rows = new AtomicLong(result.rows().size());
                Iterable<Evaluation> counted = () -> new Iterator<>() {
                    private final Iterator<Evaluation> it = result.evaluations(result.rowsInRankOrder(), "zh", false).iterator();

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Evaluation next() {
                        Evaluation e = it.next();
                        rows.addAndGet(e.findings().size() + e.gates().size() + e.flags().size());
                        return e;
                    }
                };
                try (OutputStream out = Files.newOutputStream(file)) {
                    new WorkbookReport("zh").write(result.rankedRows("zh"), counted, result.rejectedViews("zh"), List.of(),
                            catalogue, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return rows.get();
            });
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
