package org.policyevaluator.intake.excel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/** Reads an Excel 97-2003 (.xls) workbook with POI's user model; such files hold at most 65,536 rows. */
final class XlsSheets {
    private XlsSheets() {
    }

    static void read(HSSFWorkbook wb, SheetVisitor visitor) {
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            Sheet sheet = wb.getSheetAt(i);
            if (!visitor.startSheet(wb.getSheetName(i), wb.isSheetHidden(i) || wb.isSheetVeryHidden(i))) {
                continue;
            }
            Merges merges = new Merges();
            for (CellRangeAddress r : sheet.getMergedRegions()) {
                merges.add(r.getFirstRow(), r.getFirstColumn(), r.getLastRow());
            }
            merges.seal();
            List<Row> rows = new ArrayList<>();
            sheet.forEach(rows::add);
            rows.sort(Comparator.comparingInt(Row::getRowNum));
            for (Row row : rows) {
                List<RawCell> cells = new ArrayList<>();
                for (Cell c : row) {
                    RawCell raw = raw(c);
                    if (raw != null) {
                        cells.add(raw);
                    }
                }
                cells.sort(Comparator.comparingInt(RawCell::column));
                List<RawCell> out = merges.fill(row.getRowNum(), cells);
                if (!out.isEmpty()) {
                    visitor.row(row.getRowNum(), List.copyOf(out));
                }
            }
            visitor.endSheet();
        }
    }

    private static RawCell raw(Cell c) {
        int col = c.getColumnIndex();
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        switch (type) {
            case STRING -> {
                String s = c.getRichStringCellValue().getString();
                return s == null || s.isEmpty() ? null : RawCell.text(col, s);
            }
            case NUMERIC -> {
                String fmt = c.getCellStyle().getDataFormatString();
                boolean date = DateUtil.isCellDateFormatted(c);
                return RawCell.number(col, c.getNumericCellValue(), fmt != null && XlsxSheets.isPercentFormat(fmt),
                        date ? c.getLocalDateTimeCellValue() : null);
            }
            case BOOLEAN -> {
                return RawCell.bool(col, c.getBooleanCellValue());
            }
            case ERROR -> {
                FormulaError e = FormulaError.forInt(c.getErrorCellValue());
                return RawCell.error(col, e.getString());
            }
            default -> {
                return null;
            }
        }
    }
}
