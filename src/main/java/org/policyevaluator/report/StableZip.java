package org.policyevaluator.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An Office document (a ZIP) rewritten so that the same content gives the same bytes: every entry, and every
 * entry of a document embedded in it (a chart's workbook), carries one fixed time instead of the moment written.
 */
public final class StableZip {
    /**
     * 2000-01-01T00:00:00Z: the one time every document written carries, in its ZIP entries and its properties (a
     * fixed time any ZIP can hold: the format starts in 1980).
     */
    public static final long FIXED_TIME = 946_684_800_000L;

    private StableZip() {
    }

    static byte[] of(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length);
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().endsWith(".xlsx") || e.getName().endsWith(".docx")) {
                    content = of(content);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(FIXED_TIME);
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
