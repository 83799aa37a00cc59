package org.policyevaluator.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.model.Application;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.evaluation.Ranking;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.report.JsonReport;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch of any size in bounded memory: applications are evaluated in parallel on {@code threads}
 * workers as intake reads them; each evaluation is written, in input order, as one compact JSON line to
 * a spool file; only a {@link ScoreRow} per application stays in memory, which is all ranking needs.
 * The ranked output is then written by reading the spool back, in input or rank order.
 */
public final class StreamingBatch implements AutoCloseable {
    /** Compact JSON for the spool; the same field order as every other output. */
    static final ObjectMapper SPOOL = JsonMapper.builder()
            .enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private final Evaluator evaluator;
    private final String program;
    private final String lang;
    private final boolean suggest;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final LongConsumer progress;
    /** Whether the spool keeps only what the workbook report prints ({@link Evaluation#forWorkbook()}). */
    private boolean workbookOnly;
    private final Path spoolFile;
    private final FileChannel spool;

    private final Map<String, String> seenIds = new HashMap<>();
    private final List<Rejection> rejected = new ArrayList<>();
    private final List<ScoreRow> rows = new ArrayList<>();
    /** Finished evaluations waiting for those before them, so that the spool keeps input order. */
    private final Map<Integer, byte[]> pending = new HashMap<>();
    private final Map<Integer, Evaluation> pendingEvaluations = new HashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Applications taken but not yet handed to a worker. */
    private List<Submission> chunk = new ArrayList<>(Evaluator.CHUNK);
    private int submitted;
    private int nextToWrite;
    private long spoolSize;
    private long done;

    public StreamingBatch(Evaluator evaluator, String program, String lang, boolean suggest, int threads,
                          LongConsumer progress) {
        this.evaluator = evaluator;
        this.program = program;
        this.lang = lang;
        this.suggest = suggest;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "evaluate");
            t.setDaemon(true);
            return t;
        });
        this.inFlight = new Semaphore(threads * 2); // chunks: a few dozen applications per thread in memory at most
        this.progress = progress;
        try {
            this.spoolFile = Files.createTempFile("policy-evaluator-batch", ".jsonl");
            this.spoolFile.toFile().deleteOnExit();
            this.spool = FileChannel.open(spoolFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Spools only what the workbook report prints: why-not, evidence and clause references are most of
     * each evaluation's text, so this saves writing and reading them back. Call before the first application.
     */
    public StreamingBatch forWorkbook() {
        this.workbookOnly = true;
        return this;
    }

    /** Takes one application from intake; it is evaluated on a worker while intake reads on. */
    public void accept(Submission s) {
        String id = s.application().applicationId();
        String first = seenIds.putIfAbsent(id, s.source() + " " + s.location());
        if (first != null) {
            reject(new Rejection(s.source(), s.location(), id, List.of(new Problem(s.location() + ".applicationId",
                    "applicationId \"" + id + "\" is already used by the application at " + first
                            + "; ids must be unique within a batch"))));
            return;
        }
        chunk.add(s);
        if (chunk.size() == Evaluator.CHUNK) {
            dispatch();
        }
    }

    /** Hands the applications taken so far to a worker, which evaluates them in one rule session. */
    private void dispatch() {
        if (chunk.isEmpty()) {
            return;
        }
        List<Submission> taken = chunk;
        chunk = new ArrayList<>(Evaluator.CHUNK);
        int first = submitted;
        submitted += taken.size();
        inFlight.acquireUninterruptibly();
        pool.execute(() -> {
            try {
                List<Application> apps = taken.stream().map(Submission::application).toList();
                List<Evaluation> evaluations = new ArrayList<>(apps.size());
                if (suggest) {
                    apps.forEach(a -> evaluations.add(evaluator.assess(a, evaluator.programFor(a, program), lang)));
                } else {
                    evaluations.addAll(evaluator.evaluateAll(apps, program, lang));
                }
                for (int i = 0; i < evaluations.size(); i++) {
                    Evaluation e = evaluations.get(i);
                    written(first + i, e, SPOOL.writeValueAsBytes(workbookOnly ? e.forWorkbook() : e));
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                inFlight.release();
            }
        });
    }

    public synchronized void reject(Rejection r) {
        rejected.add(r);
    }

    private synchronized void written(int position, Evaluation e, byte[] json) throws IOException {
        pending.put(position, json);
        pendingEvaluations.put(position, e);
        while (pending.containsKey(nextToWrite)) {
            byte[] bytes = pending.remove(nextToWrite);
            Evaluation evaluation = pendingEvaluations.remove(nextToWrite);
            ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 1).put(bytes).put((byte) '\n').flip();
            while (buffer.hasRemaining()) {
                spool.write(buffer, spoolSize + buffer.position());
            }
            rows.add(ScoreRow.of(nextToWrite, evaluation, spoolSize, bytes.length));
            spoolSize += bytes.length + 1;
            nextToWrite++;
            progress.accept(++done);
        }
    }

    /** Waits for every evaluation and ranks the batch. */
    public Result finish() {
        dispatch();
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // evaluations still running
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("evaluation failed: " + failure.get(), failure.get());
        }
        synchronized (this) {
            return new Result(List.copyOf(rows), Ranking.place(rows, evaluator.ruleBase().tables()), List.copyOf(rejected));
        }
    }

    /** The outcome: rows in input order, each placement, the rejections; evaluations are read back from the spool. */
    public final class Result {
        private final List<ScoreRow> rows;
        private final Map<String, Ranking.Placement> placements;
        private final List<Rejection> rejected;

        Result(List<ScoreRow> rows, Map<String, Ranking.Placement> placements, List<Rejection> rejected) {
            this.rows = rows;
            this.placements = placements;
            this.rejected = rejected;
        }

        public String rulesetVersion() {
            return evaluator.ruleBase().version();
        }

        public List<ScoreRow> rows() {
            return rows;
        }

        public List<Rejection> rejected() {
            return rejected;
        }

        public Ranking.Placement placement(String applicationId) {
            return placements.get(applicationId);
        }

        /** Rows best first: ranked ones by rank, then the unranked by total. */
        public List<ScoreRow> rowsInRankOrder() {
            record Placed(ScoreRow row, int rank) {
            }
            List<Placed> sorted = new ArrayList<>(rows.size());
            for (ScoreRow r : rows) { // each rank looked up once, not at every comparison
                Integer rank = placement(r.applicationId()).rank();
                sorted.add(new Placed(r, rank == null ? Integer.MAX_VALUE : rank));
            }
            sorted.sort(Comparator.comparingInt(Placed::rank)
                    .thenComparing((Placed p) -> p.row().totalScore(), Comparator.reverseOrder())
                    .thenComparing(p -> p.row().applicationId()));
            return sorted.stream().map(Placed::row).toList();
        }

        /** The compact JSON of one evaluation as spooled (without rank). */
        public byte[] spooled(ScoreRow row) {
            ByteBuffer b = ByteBuffer.allocate(row.length());
            try {
                while (b.hasRemaining()) {
                    if (spool.read(b, row.offset() + b.position()) < 0) {
                        throw new IOException("spool ended early");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return b.array();
        }

        /** One evaluation read back, with its rank and tie-breaks. */
        public Evaluation evaluation(ScoreRow row) {
            Ranking.Placement p = placement(row.applicationId());
            return SPOOL.readValue(spooled(row), Evaluation.class).ranked(p.rank(), p.tieBreaks());
        }

        /**
         * What the reports show of each evaluation, read back without the parts they never print (why-not
         * and suggestions), which is most of the text.
         */
        public Iterable<Evaluation> evaluationsForReport(List<ScoreRow> order) {
            return read(order, row -> {
                ReportView v = SPOOL.readValue(spooled(row), ReportView.class);
                Ranking.Placement p = placement(row.applicationId());
                return new Evaluation(v.evaluationId(), v.applicationId(), v.title(), v.applicant(), v.program(),
                        v.rulesetVersion(), v.totalScore(), v.maxScore(), v.grade(), v.eligible(), p.rank(),
                        p.tieBreaks(), v.dimensions(), v.gates(), v.flags(), v.findings(), List.of(), null)
                        .withClauses(this::clauses);
            });
        }

        /** The clauses a rule cites, as every evaluation gives them. */
        private List<Evaluation.ClauseRef> clauses(String ruleId) {
            return evaluator.clauses(evaluator.ruleBase().rule(ruleId));
        }

        /** Whole evaluations, with rank and tie-breaks, read back one at a time in the given order. */
        public Iterable<Evaluation> evaluations(List<ScoreRow> order) {
            return read(order, this::evaluation);
        }

        private Iterable<Evaluation> read(List<ScoreRow> order, java.util.function.Function<ScoreRow, Evaluation> reader) {
            return () -> order.stream().map(reader).iterator();
        }

        /**
         * The ranked evaluation as one compact JSON line: the spooled line with rank and tie-breaks put
         * where the full serialisation puts them (right after "eligible"), without parsing it again.
         */
        public void writeJsonLine(ScoreRow row, OutputStream out) throws IOException {
            byte[] line = spooled(row);
            Ranking.Placement p = placement(row.applicationId());
            int at = indexAfterEligible(line);
            out.write(line, 0, at);
            if (p.rank() != null) {
                out.write((",\"rank\":" + p.rank()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            if (!p.tieBreaks().isEmpty()) {
                out.write((",\"tieBreaks\":" + JsonReport.compact(p.tieBreaks())).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            out.write(line, at, line.length - at);
            out.write('\n');
        }
    }

    /** An evaluation without why-not and suggestions: unknown properties are skipped while reading. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record ReportView(String evaluationId, String applicationId, String title, String applicant, String program,
                      String rulesetVersion, java.math.BigDecimal totalScore, java.math.BigDecimal maxScore, String grade,
                      boolean eligible, List<Evaluation.DimensionScore> dimensions, List<Evaluation.GateResult> gates,
                      List<Evaluation.FlagResult> flags, List<Evaluation.Finding> findings) {
    }

    /** The end of the value of the top-level "eligible" (true or false). Quotes inside strings are escaped, so the first match is the key. */
    static int indexAfterEligible(byte[] line) {
        byte[] key = "\"eligible\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + key.length < line.length; i++) {
            for (int j = 0; j < key.length; j++) {
                if (line[i + j] != key[j]) {
                    continue outer;
                }
            }
            int v = i + key.length;
            return v + (line[v] == 't' ? 4 : 5);
        }
        throw new IllegalStateException("no eligible field in a spooled evaluation");
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            spool.close();
            Files.deleteIfExists(spoolFile);
        } catch (IOException e) {
            // a temporary file left behind is deleted on exit
        }
    }
}
