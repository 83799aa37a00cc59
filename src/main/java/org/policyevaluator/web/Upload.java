package org.policyevaluator.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.io.InputStream;
import java.util.List;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * An uploaded file or request body, held in memory (its size is limited): {@code source} names it in
 * messages, {@code filename} is what the client called it (may be null).
 */
record Upload(String source, String filename, byte[] bytes) {

    /**
     * How slowly a body may come: after {@code grace}, at least {@code minPerSecond} on average since it began.
     * A client that trickles a body holds a server thread the while; this frees it (a body of the largest size
     * allowed still has minutes at a rate any network beats).
     */
    record Pace(DataSize minPerSecond, Duration grace) {
        static final Pace ANY = new Pace(DataSize.ofBytes(0), Duration.ZERO);
    }

    /**
     * Reads a request body, refusing it with 413 as soon as it passes the limit and with 408 as soon as it comes
     * slower than {@code pace} allows.
     */
    static Upload read(String source, InputStream in, DataSize limit, Pace pace) throws IOException {
        long max = limit.toBytes();
        long start = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            if (out.size() > max) {
                throw tooLarge(limit);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > pace.grace().toMillis() && out.size() * 1000.0 / millis < pace.minPerSecond().toBytes()) {
                throw tooSlow(pace);
            }
        }
        return new Upload(source, null, out.toByteArray());
    }

    /**
     * A multipart body the server could not take apart, as the client should hear it: too large (413), too many
     * parts (400: an upload is one file), or cut short or malformed (400). Tomcat says which in the cause.
     */
    static WebProblem unreadable(Throwable e, DataSize limit) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof FileCountLimitExceededException) {
                return WebProblem.of(HttpStatus.BAD_REQUEST, "error.title.unusableInput", "error.tooManyParts");
            }
            if (c instanceof SizeException) {
                return tooLarge(limit);
            }
        }
        return WebProblem.of(HttpStatus.BAD_REQUEST, "error.title.unusableInput", "error.multipart");
    }

    static WebProblem tooSlow(Pace pace) {
        return new WebProblem(HttpStatus.REQUEST_TIMEOUT, "error.title.tooSlow", Problem.of(null, "error.tooSlow",
                "rate", describe(pace.minPerSecond()), "seconds", pace.grace().toSeconds()), List.of());
    }

    static WebProblem tooLarge(DataSize limit) {
        Problem detail = Problem.of(null, "error.tooLarge", "limit", describe(limit));
        return new WebProblem(HttpStatus.CONTENT_TOO_LARGE, "error.title.tooLarge", detail,
                List.of(detail.at(Location.InFile.of("upload"))));
    }

    static String describe(DataSize size) {
        long b = size.toBytes();
        if (b % (1024 * 1024) == 0) {
            return b / (1024 * 1024) + " MB";
        }
        if (b % 1024 == 0) {
            return b / 1024 + " KB";
        }
        return b + " bytes";
    }
}
