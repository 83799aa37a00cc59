package org.policyevaluator.report.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/**
 * The reviewers' overrides of a stored batch, as one more sheet of its evaluation workbook: for each
 * override the engine's value beside the reviewer's, the rule it is about, who and why. The engine's
 * sheets are left exactly as {@link WorkbookReport} wrote them. Meant for stored batches (reviewed by
 * people, so of modest size).
 */
public final class OverridesSheet {
    public static final String NAME = "复核调整 Overrides";
    static final List<String> HEAD = List.of("编号 ID", "评估编号 Evaluation", "类型 Kind", "对象 Target", "规则 Rule",
            "引擎值 Engine value", "复核值 Override", "复核人 Reviewer", "理由 Justification", "时间 Time");

    /** One override of an evaluation of the batch. */
    public record Row(String applicationId, String evaluationId, String targetKind, String target, String ruleId,
                      String engineValue, String newValue, String reviewer, String justification, String createdAt) {
    }

    private OverridesSheet() {
    }

    /** The workbook with the overrides sheet added after the ranking (an empty sheet says there are none). */
    public static byte[] append(byte[] workbook, List<Row> rows) {
        return AddedSheet.add(workbook, NAME, (sheet, bold) -> {
            CellStyle text = sheet.getWorkbook().createCellStyle();
            text.setQuotePrefixed(true);
            org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
            for (int c = 0; c < HEAD.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(HEAD.get(c));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (Row o : rows) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                List<String> values = List.of(o.applicationId(), o.evaluationId(), o.targetKind(), o.target(), o.ruleId(),
                        o.engineValue(), o.newValue(), o.reviewer(), o.justification(), o.createdAt());
                for (int c = 0; c < values.size(); c++) {
                    String v = values.get(c);
                    Cell cell = row.createCell(c);
                    if ((c == 5 || c == 6) && v.matches("-?\\d+(\\.\\d+)?")) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else {
                        cell.setCellValue(v);
                        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
                            cell.setCellStyle(text); // a user's text is never a formula
                        }
                    }
                }
            }
            if (rows.isEmpty()) {
                sheet.createRow(1).createCell(0).setCellValue("无复核调整 No overrides");
            }
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < HEAD.size(); c++) {
                sheet.setColumnWidth(c, c == 8 ? 60 * 256 : 18 * 256);
            }
        });
    }
}
