package org.policyevaluator.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.JsonIntake;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Chooses the reader of an upload by its content, not its name: a ZIP (XLSX) or OLE2 (XLS) signature is
 * a workbook, text that starts with '{' or '[' is JSON. A file that is neither is refused with 415.
 */
@Component
class ApplicationReaders {
    enum Kind { JSON, WORKBOOK, UNKNOWN }

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private final JsonIntake json;
    private final ExcelWorkbooks workbooks;

    ApplicationReaders(Evaluator evaluator, ExcelWorkbooks workbooks) {
        this.json = new JsonIntake(evaluator.ruleBase().reader());
        this.workbooks = workbooks;
    }

    void read(Upload upload, Consumer<Submission> accepted, Consumer<Rejection> rejected, Consumer<Problem> warnings) {
        switch (kind(upload)) {
            case JSON -> json.read(upload.source(), new ByteArrayInputStream(upload.bytes()), accepted, rejected);
            case WORKBOOK -> readWorkbook(upload, accepted, rejected, warnings);
            case UNKNOWN -> throw new WebProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.title.unsupportedFile",
                    Problem.of(Location.InFile.of(upload.source()), "error.unsupported"),
                    List.of(Problem.of(Location.InFile.of(upload.source()), "problem.upload.unsupported")));
        }
    }

    private void readWorkbook(Upload upload, Consumer<Submission> accepted, Consumer<Rejection> rejected,
                              Consumer<Problem> warnings) {
        Path tmp = null;
        try {
            String name = upload.filename() == null ? "" : upload.filename().toLowerCase(Locale.ROOT);
            tmp = Files.createTempFile("pe-upload-", startsWith(upload.bytes(), OLE2) || name.endsWith(".xls")
                    ? ".xls" : ".xlsx");
            Files.write(tmp, upload.bytes());
            workbooks.read(tmp, upload.source(), accepted, rejected, warnings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temp folder
                }
            }
        }
    }

    static Kind kind(Upload upload) {
        byte[] b = upload.bytes();
        if (startsWith(b, ZIP) || startsWith(b, OLE2)) {
            return Kind.WORKBOOK;
        }
        int i = startsWith(b, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        if (i == b.length || b[i] == '{' || b[i] == '[') {
            // empty goes to JSON too, which says "empty file" in its own words
            return Kind.JSON;
        }
        String name = upload.filename() == null ? "" : upload.filename().toLowerCase(Locale.ROOT);
        // a .json file that does not start like JSON gets JSON's located syntax error
        return name.endsWith(".json") ? Kind.JSON : Kind.UNKNOWN;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
