package org.policyevaluator.intake.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A workbook's content as text, for comparing workbooks semantically (POI output carries time stamps):
 * sheets and their visibility, every cell with its type, value and number format, data validations,
 * comments, defined names, merged regions and frozen panes.
 */
public final class WorkbookDump {
    private WorkbookDump() {
    }

    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            StringBuilder sb = new StringBuilder();
            DataFormatter fmt = new DataFormatter();
            for (var n : wb.getAllNames()) {
                sb.append("name ").append(n.getNameName()).append(" = ").append(n.getRefersToFormula()).append('\n');
            }
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet s = wb.getSheetAt(i);
                sb.append("sheet ").append(s.getSheetName()).append(wb.isSheetHidden(i) ? " hidden" : "")
                        .append(" pane ").append(s.getPaneInformation() == null ? "-" : s.getPaneInformation().getHorizontalSplitPosition()
                                + "," + s.getPaneInformation().getVerticalSplitPosition()).append('\n');
                for (Row r : s) {
                    for (Cell c : r) {
                        sb.append("  ").append(c.getAddress()).append(' ').append(c.getCellType()).append(' ')
                                .append(fmt.formatCellValue(c)).append(" [").append(c.getCellStyle().getDataFormatString())
                                .append("]\n");
                    }
                }
                List<String> v = new ArrayList<>();
                for (var dv : s.getDataValidations()) {
                    var k = dv.getValidationConstraint();
                    v.add("  validation " + dv.getRegions().getCellRangeAddresses()[0].formatAsString() + " type "
                            + k.getValidationType() + " " + k.getFormula1() + " " + k.getFormula2() + " prompt "
                            + dv.getPromptBoxTitle() + ": " + dv.getPromptBoxText() + " error " + dv.getShowErrorBox());
                }
                v.sort(Comparator.naturalOrder());
                v.forEach(line -> sb.append(line).append('\n'));
                s.getCellComments().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .forEach(e -> sb.append("  comment ").append(e.getKey()).append(' ')
                                .append(e.getValue().getString().getString()).append('\n'));
                for (var m : s.getMergedRegions()) {
                    sb.append("  merged ").append(m.formatAsString()).append('\n');
                }
            }
            return sb.toString();
        }
    }

    static int sheets(Sheet s) {
        return s.getWorkbook().getNumberOfSheets();
    }
}
