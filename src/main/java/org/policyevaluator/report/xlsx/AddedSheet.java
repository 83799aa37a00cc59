package org.policyevaluator.report.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One more sheet in a finished evaluation workbook, placed after the ranking; the engine's sheets are left
 * exactly as {@link WorkbookReport} wrote them. For stored batches (reviewed by people, so of modest size): the
 * workbook is reopened in memory to add it.
 */
final class AddedSheet {

    /** Fills the new sheet; {@code bold} is the workbook's style for its headings. */
    interface Filler {
        void fill(Sheet sheet, CellStyle bold);
    }

    private AddedSheet() {
    }

    static byte[] add(byte[] workbook, String name, Filler filler) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = wb.createSheet(name);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            filler.fill(sheet, bold);
            wb.setSheetOrder(name, 1);
            wb.setActiveSheet(0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
