package org.policyevaluator.batch;

import java.io.IOException;
import java.io.Writer;
import org.policyevaluator.intake.ProblemTexts;
import org.policyevaluator.report.JsonReport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;

/** Writes a batch: as one JSON document (the shape and bytes of an in-memory {@code BatchResult}), or as JSON lines. */
public final class BatchOutput {
    private BatchOutput() {
    }

    /**
     * The batch as one indented JSON document, identical to {@code JsonReport.write(result.render(lang))},
     * written one evaluation at a time.
     */
    public static void json(BatchRun.Result result, String lang, Writer out) {
        ObjectWriter writer = JsonReport.mapper().writer();
        try (JsonGenerator g = writer.createGenerator(new NonClosingWriter(out))) {
            g.writeStartObject();
            g.writeStringProperty("rulesetVersion", result.rulesetVersion());
            g.writeNumberProperty("evaluatedCount", result.rows().size());
            g.writeNumberProperty("rejectedCount", result.rejected().size());
            g.writeName("evaluations");
            g.writeStartArray();
            for (ScoreRow row : result.rows()) {
                writer.writeValue(g, result.evaluation(row, lang, true));
            }
            g.writeEndArray();
            g.writeName("rejected");
            writer.writeValue(g, result.rejectedViews(lang));
            g.writeEndObject();
        }
        try {
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * JSON lines: one ranked evaluation per line in input order, then one {"rejected": ...} line per
     * rejected application.
     */
    public static void jsonLines(BatchRun.Result result, String lang, Writer out) {
        try {
            for (ScoreRow row : result.rows()) {
                out.write(JsonReport.compact(result.evaluation(row, lang, true)));
                out.write('\n');
            }
            for (ProblemTexts.RejectedView r : result.rejectedViews(lang)) {
                out.write("{\"rejected\":" + JsonReport.compact(r) + "}\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Jackson closes what it writes to; standard output must stay open. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
