package org.policyevaluator.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * An uploaded file or request body, held in memory (its size is limited): {@code source} names it in
 * messages, {@code filename} is what the client called it (may be null).
 */
record Upload(String source, String filename, byte[] bytes) {

    /** Reads a request body, refusing it with 413 as soon as it passes the limit. */
    static Upload read(String source, InputStream in, DataSize limit) throws IOException {
        long max = limit.toBytes();
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw tooLarge(limit);
        }
        return new Upload(source, null, bytes);
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
