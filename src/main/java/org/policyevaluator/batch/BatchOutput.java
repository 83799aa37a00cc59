package org.policyevaluator.batch;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.policyevaluator.evaluation.Ranking;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.report.JsonReport;
import org.policyevaluator.report.RankedRow;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;

/** Writes a streamed batch: as one JSON document (the shape and bytes of the in-memory batch), or as JSON lines. */
public final class BatchOutput {
    private BatchOutput() {
    }

    /** The ranking lines, best first, for the text and workbook reports. */
    public static List<RankedRow> rankedRows(StreamingBatch.Result result) {
        List<RankedRow> rows = new ArrayList<>();
        for (ScoreRow r : result.rowsInRankOrder()) {
            Ranking.Placement p = result.placement(r.applicationId());
            rows.add(new RankedRow(p.rank(), r.applicationId(), r.title(), r.applicant(), r.program(), r.totalScore(),
                    r.maxScore(), r.grade(), r.eligible(), r.dimensions(), r.dimensionNames(), r.flags()));
        }
        return rows;
    }

    /**
     * The batch as one indented JSON document, identical to {@code JsonReport.write(BatchResult)} for the same
     * batch, written one evaluation at a time.
     */
    public static void json(StreamingBatch.Result result, Writer out) {
        ObjectWriter writer = JsonReport.mapper().writer();
        try (JsonGenerator g = writer.createGenerator(new NonClosingWriter(out))) {
            g.writeStartObject();
            g.writeStringProperty("rulesetVersion", result.rulesetVersion());
            g.writeNumberProperty("evaluatedCount", result.rows().size());
            g.writeNumberProperty("rejectedCount", result.rejected().size());
            g.writeName("evaluations");
            g.writeStartArray();
            for (ScoreRow row : result.rows()) {
                writer.writeValue(g, result.evaluation(row));
            }
            g.writeEndArray();
            g.writeName("rejected");
            writer.writeValue(g, result.rejected());
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
    public static void jsonLines(StreamingBatch.Result result, Writer out) {
        try {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(8192);
            for (ScoreRow row : result.rows()) {
                line.reset();
                result.writeJsonLine(row, line);
                out.write(line.toString(StandardCharsets.UTF_8));
            }
            for (Rejection r : result.rejected()) {
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
