package org.policyevaluator.intake.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small workbooks written with POI for tests: rows of values, with percent, date and formula cells. */
public final class TestWorkbooks {
    /** A number shown as a percentage (the cell stores 0.72 and shows 72%). */
    public record Percent(double value) {
    }

    /** A constant formula; {@code cached} true stores its value, false leaves an .xlsx cell without one. */
    public record Formula(String formula, boolean cached) {
    }

    private TestWorkbooks() {
    }

    public static Path xlsx(Path file, String sheet, Object[]... rows) throws IOException {
        return write(new XSSFWorkbook(), file, sheet, rows);
    }

    public static Path xls(Path file, String sheet, Object[]... rows) throws IOException {
        return write(new HSSFWorkbook(), file, sheet, rows);
    }

    private static Path write(Workbook wb, Path file, String sheet, Object[]... rows) throws IOException {
        try (wb) {
            Sheet s = wb.createSheet(sheet);
            fill(wb, s, rows);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    public static void fill(Workbook wb, Sheet s, Object[]... rows) {
        CellStyle percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                continue;
            }
            Row row = s.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (v instanceof String str) {
                    cell.setCellValue(str);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof Boolean b) {
                    cell.setCellValue(b);
                } else if (v instanceof Percent p) {
                    cell.setCellValue(p.value());
                    cell.setCellStyle(percent);
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (v instanceof Formula f) {
                    cell.setCellFormula(f.formula());
                    if (f.cached()) {
                        // constant formulas only: later cells of the row do not exist yet
                        wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
                    }
                } else {
                    throw new IllegalArgumentException(v.getClass().toString());
                }
            }
        }
    }
}
