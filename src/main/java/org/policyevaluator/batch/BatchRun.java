package org.policyevaluator.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.policyevaluator.evaluation.BatchResult;
import org.policyevaluator.evaluation.Evaluation;
import org.policyevaluator.evaluation.EvaluationRenderer;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.evaluation.Outcome;
import org.policyevaluator.evaluation.Ranking;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.ProblemTexts;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.model.Application;
import org.policyevaluator.report.RankedRow;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one evaluation pipeline, for the command line, the web and the benchmark: applications are taken
 * as intake reads them, duplicates of an id rejected, evaluated in chunks of {@link Evaluator#CHUNK} in
 * one rule session each (on {@code threads} workers, or on the caller's thread when 0), and kept in input
 * order as language-neutral {@link Outcome}s — on disk (a spool file: any size in bounded memory) or in
 * memory (a web request, a batch to store). Only a {@link ScoreRow} per application is held for ranking.
 * The result ranks once ({@link Ranking}) and words outcomes only when an output writes them, in its
 * language, and only the parts it prints.
 */
public final class BatchRun implements AutoCloseable {
    /** Where outcomes are kept until they are written. */
    public enum Keep { DISK, MEMORY }

    /** Compact JSON for the spool. */
    static final ObjectMapper SPOOL = JsonMapper.builder()
            .enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final tools.jackson.core.type.TypeReference<List<Outcome.Shortfall>> WHY_NOTS =
            new tools.jackson.core.type.TypeReference<>() {
            };

    private final Evaluator evaluator;
    private final String program;
    private final boolean suggest;
    private final Keep keep;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final LongConsumer progress;
    private final Path spoolFile;
    private final FileChannel spool;

    private final Map<String, Location> seenIds = new HashMap<>();
    private final Map<String, String> seenSources = new HashMap<>();
    private final List<Rejection> rejected = new ArrayList<>();
    private final List<ScoreRow> rows = new ArrayList<>();
    /** In memory: the outcomes and applications, in input order. */
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<Application> applications = new ArrayList<>();
    /** Finished outcomes waiting for those before them, so that the input order is kept. */
    private final Map<Integer, Outcome> pending = new HashMap<>();
    private final Map<Integer, Application> pendingApplications = new HashMap<>();
    /** On disk: their bytes, written by the workers. */
    private final Map<Integer, Spooled> pendingBytes = new HashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Applications taken but not yet evaluated. */
    private List<Submission> chunk = new ArrayList<>(Evaluator.CHUNK);
    private int submitted;
    private int nextToWrite;
    private long spoolSize;
    private long done;

    /**
     * @param program the programme asked for, or null for each application's own (else the default)
     * @param suggest whether to add verified suggestions (each costs about ten more evaluations)
     * @param threads worker threads; 0 evaluates on the caller's thread
     */
    public BatchRun(Evaluator evaluator, String program, boolean suggest, int threads, Keep keep, LongConsumer progress) {
        this.evaluator = evaluator;
        this.program = program;
        this.suggest = suggest;
        this.keep = keep;
        this.progress = progress;
        this.pool = threads == 0 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "evaluate");
            t.setDaemon(true);
            return t;
        });
        this.inFlight = new Semaphore(Math.max(1, threads) * 2); // a few chunks per thread in memory at most
        if (keep == Keep.DISK) {
            try {
                this.spoolFile = Files.createTempFile("policy-evaluator-batch", ".jsonl");
                this.spoolFile.toFile().deleteOnExit();
                this.spool = FileChannel.open(spoolFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            this.spoolFile = null;
            this.spool = null;
        }
    }

    /** A batch kept in memory and evaluated on the caller's thread: a web request, a batch to store. */
    public static BatchRun inMemory(Evaluator evaluator, String program, boolean suggest) {
        return new BatchRun(evaluator, program, suggest, 0, Keep.MEMORY, done -> { });
    }

    /**
     * A batch evaluated before (stored), put back in memory from its outcomes, applications, placements and
     * rejections, so that it is worded again (in another language) without being evaluated again.
     */
    public static Result restore(Evaluator evaluator, String program, boolean suggest, List<Outcome> outcomes,
                                 List<Application> applications, Map<String, Ranking.Placement> placements,
                                 List<Rejection> rejected) {
        BatchRun run = inMemory(evaluator, program, suggest);
        for (int i = 0; i < outcomes.size(); i++) {
            run.outcomes.add(outcomes.get(i));
            run.applications.add(applications.get(i));
            run.rows.add(ScoreRow.of(i, outcomes.get(i), 0, 0, 0));
        }
        return run.new Result(List.copyOf(run.rows), Map.copyOf(placements), List.copyOf(rejected));
    }

    /** Takes one application from intake; it is evaluated (on a worker, if there are any) while intake reads on. */
    public void accept(Submission s) {
        String id = s.application().applicationId();
        Location first = seenIds.putIfAbsent(id, s.location());
        if (first != null) {
            reject(new Rejection(s.source(), s.location(), id, List.of(Problem.of(idLocation(s.location()),
                    "problem.duplicateId", "id", id, "source", seenSources.get(id), "first", first))));
            return;
        }
        seenSources.put(id, s.source());
        chunk.add(s);
        if (chunk.size() == Evaluator.CHUNK) {
            dispatch();
        }
    }

    /** Where an application's id is: its applicationId field (a row's id cell is the row itself). */
    private static Location idLocation(Location app) {
        return app instanceof Location.InJson j ? j.at("applicationId") : app;
    }

    /** Evaluates the applications taken so far, in one rule session, on a worker or here. */
    private void dispatch() {
        if (chunk.isEmpty()) {
            return;
        }
        List<Submission> taken = chunk;
        chunk = new ArrayList<>(Evaluator.CHUNK);
        int first = submitted;
        submitted += taken.size();
        Runnable work = () -> {
            try {
                List<Application> apps = taken.stream().map(Submission::application).toList();
                List<Outcome> decided;
                if (suggest) {
                    decided = new ArrayList<>(apps.size());
                    for (Application a : apps) {
                        decided.add(evaluator.assess(a, program));
                    }
                } else {
                    decided = evaluator.decideAll(apps, program);
                }
                for (int i = 0; i < decided.size(); i++) {
                    // written here, on the worker: only putting the bytes in the spool waits for the batch's lock
                    finished(first + i, decided.get(i), apps.get(i), keep == Keep.DISK ? Spooled.of(decided.get(i)) : null);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                inFlight.release();
            }
        };
        inFlight.acquireUninterruptibly();
        if (pool == null) {
            work.run();
        } else {
            pool.execute(work);
        }
    }

    public synchronized void reject(Rejection r) {
        rejected.add(r);
    }

    /** An outcome as the spool keeps it: its JSON without the why-nots, then the why-nots' JSON. */
    private record Spooled(byte[] outcome, byte[] whyNot) {
        static Spooled of(Outcome o) {
            return new Spooled(SPOOL.writeValueAsBytes(o.withWhyNot(null)), SPOOL.writeValueAsBytes(o.whyNot()));
        }
    }

    private synchronized void finished(int position, Outcome o, Application app, Spooled bytes) throws IOException {
        pending.put(position, o);
        if (keep == Keep.MEMORY) {
            pendingApplications.put(position, app);
        } else {
            pendingBytes.put(position, bytes);
        }
        while (pending.containsKey(nextToWrite)) {
            Outcome outcome = pending.remove(nextToWrite);
            long offset = spoolSize;
            int length = 0;
            int whyNotLength = 0;
            if (keep == Keep.DISK) {
                Spooled spooled = pendingBytes.remove(nextToWrite);
                length = spooled.outcome().length;
                whyNotLength = spooled.whyNot().length;
                ByteBuffer buffer = ByteBuffer.allocate(length + whyNotLength + 2)
                        .put(spooled.outcome()).put((byte) '\n').put(spooled.whyNot()).put((byte) '\n').flip();
                while (buffer.hasRemaining()) {
                    spool.write(buffer, spoolSize + buffer.position());
                }
                spoolSize += buffer.limit();
            } else {
                outcomes.add(outcome);
                applications.add(pendingApplications.remove(nextToWrite));
            }
            rows.add(ScoreRow.of(nextToWrite, outcome, offset, length, whyNotLength));
            nextToWrite++;
            progress.accept(++done);
        }
    }

    /** Waits for every evaluation and ranks the batch. */
    public Result finish() {
        dispatch();
        if (pool != null) {
            pool.shutdown();
            try {
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    // evaluations still running
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while evaluating", e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("evaluation failed: " + failure.get(), failure.get());
        }
        synchronized (this) {
            return new Result(List.copyOf(rows), Ranking.place(rows, evaluator.ruleBase().tables()), List.copyOf(rejected));
        }
    }

    /**
     * The outcome: rows in input order, each placement, the rejections; outcomes are read back (or taken
     * from memory) and worded as an output asks.
     */
    public final class Result {
        private final List<ScoreRow> rows;
        private final Map<String, Ranking.Placement> placements;
        private final List<Rejection> rejected;

        Result(List<ScoreRow> rows, Map<String, Ranking.Placement> placements, List<Rejection> rejected) {
            this.rows = rows;
            this.placements = placements;
            this.rejected = rejected;
        }

        public Evaluator evaluator() {
            return evaluator;
        }

        public String rulesetVersion() {
            return evaluator.ruleBase().version();
        }

        /** The programme asked for, or null (each application's own). */
        public String program() {
            return program;
        }

        public boolean suggest() {
            return suggest;
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

        /** Rows as every ranking lists them ({@link Ranking#listOrder}). */
        public List<ScoreRow> rowsInRankOrder() {
            return Ranking.listOrder(rows, placements);
        }

        /** One application's outcome, read back from the spool or taken from memory. */
        public Outcome outcome(ScoreRow row) {
            return outcome(row, true);
        }

        /** One application's outcome; without its why-nots (null) unless {@code withWhyNot}, when read from the spool. */
        private Outcome outcome(ScoreRow row, boolean withWhyNot) {
            if (keep == Keep.MEMORY) {
                return outcomes.get(row.position());
            }
            if (!withWhyNot) {
                return SPOOL.readValue(spooled(row.offset(), row.length()), Outcome.class);
            }
            byte[] both = spooled(row.offset(), row.length() + 1 + row.whyNotLength());
            return SPOOL.readValue(both, 0, row.length(), Outcome.class)
                    .withWhyNot(SPOOL.readValue(both, row.length() + 1, row.whyNotLength(), WHY_NOTS));
        }

        private byte[] spooled(long offset, int length) {
            ByteBuffer b = ByteBuffer.allocate(length);
            try {
                while (b.hasRemaining()) {
                    if (spool.read(b, offset + b.position()) < 0) {
                        throw new IOException("spool ended early");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return b.array();
        }

        /** The application a row was evaluated from, when the batch is kept in memory; else null. */
        public Application application(ScoreRow row) {
            return keep == Keep.MEMORY ? applications.get(row.position()) : null;
        }

        /** The row of an application, by its id (unique within a batch), or null. */
        public ScoreRow row(String applicationId) {
            for (ScoreRow r : rows) {
                if (r.applicationId().equals(applicationId)) {
                    return r;
                }
            }
            return null;
        }

        /** One evaluation in words, with its rank and tie-breaks. */
        public Evaluation evaluation(ScoreRow row, String lang, boolean withWhyNot) {
            Ranking.Placement p = placement(row.applicationId());
            return renderer().render(outcome(row, withWhyNot), p.rank(), p.tieBreaks(), lang, withWhyNot);
        }

        /** Evaluations in words, read back one at a time in the given order. */
        public Iterable<Evaluation> evaluations(List<ScoreRow> order, String lang, boolean withWhyNot) {
            return () -> order.stream().map(r -> evaluation(r, lang, withWhyNot)).iterator();
        }

        /** The rejections in words. */
        public List<ProblemTexts.RejectedView> rejectedViews(String lang) {
            return rejected.stream().map(r -> evaluator.ruleBase().problemTexts().view(r, lang)).toList();
        }

        /** The rejected applications as a person reads them: in Chinese, places in JSON by label, not by path. */
        public List<ProblemTexts.RejectedView> rejectedInWords(String lang) {
            return rejected.stream().map(r -> evaluator.ruleBase().problemTexts().viewInWords(r, lang)).toList();
        }

        /** The whole batch in words, in input order (a batch kept in memory, for a page or a response). */
        public BatchResult render(String lang) {
            List<Evaluation> evaluations = new ArrayList<>(rows.size());
            evaluations(rows, lang, true).forEach(evaluations::add);
            return new BatchResult(null, rulesetVersion(), rows.size(), rejected.size(), List.copyOf(evaluations),
                    rejectedViews(lang));
        }

        /** The ranking lines, best first, for the text and workbook reports. */
        public List<RankedRow> rankedRows(String lang) {
            List<RankedRow> out = new ArrayList<>(rows.size());
            for (ScoreRow r : rowsInRankOrder()) {
                Ranking.Placement p = placement(r.applicationId());
                Map<String, String> names = new java.util.LinkedHashMap<>();
                r.dimensions().keySet().forEach(d -> names.put(d, evaluator.ruleBase().tables().dimensions().get(d).name(lang)));
                out.add(new RankedRow(p.rank(), r.applicationId(), r.title(), r.applicant(), r.program(), r.totalScore(),
                        r.maxScore(), r.grade(), r.eligible(), r.dimensions(), names, r.flags(), r.declaredScore(),
                        r.reviewRequired()));
            }
            return out;
        }

        private EvaluationRenderer renderer() {
            return evaluator.renderer();
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (spool != null) {
            try {
                spool.close();
                Files.deleteIfExists(spoolFile);
            } catch (IOException e) {
                // a temporary file left behind is deleted on exit
            }
        }
    }
}
