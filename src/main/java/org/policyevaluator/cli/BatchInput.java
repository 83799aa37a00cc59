package org.policyevaluator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.policyevaluator.intake.InputException;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;

/**
 * Reads application files, JSON or workbooks (told apart by content), into a batch; an unusable file
 * is listed as rejected and the others go on.
 */
final class BatchInput {
    private BatchInput() {
    }

    /** @return how many files could not be used at all */
    static int read(List<Path> files, JsonIntake intake, ExcelSupport excel, Consumer<Submission> accepted,
                    Consumer<Rejection> rejected) {
        int unusable = 0;
        for (Path file : files) {
            try {
                if (ExcelSupport.isWorkbook(file)) {
                    excel.read(file, accepted, rejected);
                } else {
                    intake.read(file, accepted, rejected);
                }
            } catch (InputException e) {
                unusable++;
                rejected.accept(new Rejection(file.toString(), Location.InFile.of(file.toString()), null, List.of(e.problem())));
            }
        }
        return unusable;
    }

    /** How many applications the files hold, when a quick look can tell (JSON; an .xlsx's declared extent); -1 otherwise. */
    static long count(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            long n = ExcelSupport.isWorkbook(f) ? declaredRows(f) : JsonIntake.count(f);
            if (n < 0) {
                return -1;
            }
            total += n;
        }
        return total;
    }

    private static final java.util.regex.Pattern DIMENSION =
            java.util.regex.Pattern.compile("<(?:\\w+:)?dimension ref=\"[A-Z]+\\d+:[A-Z]+(\\d+)\"");

    /**
     * An estimate of an .xlsx batch's rows, for a progress bar: the largest extent its sheets declare at
     * their start, less the header row. Reads a few kilobytes of each sheet, never the whole file.
     */
    static long declaredRows(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            long rows = -1;
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                if (!entry.getName().matches("xl/worksheets/[^/]+\\.xml")) {
                    continue;
                }
                try (java.io.InputStream in = zip.getInputStream(entry)) {
                    String head = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
                    var m = DIMENSION.matcher(head);
                    if (m.find()) {
                        rows = Math.max(rows, Long.parseLong(m.group(1)) - 1);
                    }
                }
            }
            return rows;
        } catch (Exception notAZipWorkbook) {
            return -1;
        }
    }
}
