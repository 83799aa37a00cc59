package org.policyevaluator.report.xlsx;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import tools.jackson.databind.JsonNode;

/**
 * The funding line a panel drew for a stored batch, as one more sheet of its evaluation workbook: the budget,
 * what it funds and what it leaves in reserve, in order, each with its final score, where the score comes from,
 * and whether the panel moved it across the line compared with the engine's ranking alone.
 */
public final class FundingSheet {
    public static final String NAME = "立项线 Funding";
    static final List<String> HEAD = List.of("序号 Position", "结果 Outcome", "编号 ID", "最终得分 Final score",
            "得分来源 From", "名次 Rank", "系统名次 Engine rank", "申请资金（万元） Requested", "越线 Crossed");

    private FundingSheet() {
    }

    /** The workbook with the funding line (as {@code POST /api/batches/{id}/funding} answered it) added after the ranking. */
    public static byte[] append(byte[] workbook, JsonNode line) {
        return AddedSheet.add(workbook, NAME, (sheet, bold) -> {
            Row budget = sheet.createRow(0);
            budget.createCell(0).setCellValue("预算（万元） Budget");
            budget.createCell(1).setCellValue(line.get("budget").doubleValue());
            budget.createCell(2).setCellValue("已安排 Allocated");
            budget.createCell(3).setCellValue(line.get("used").doubleValue());
            budget.createCell(4).setCellValue("余额 Left");
            budget.createCell(5).setCellValue(line.get("left").doubleValue());
            Row head = sheet.createRow(2);
            for (int c = 0; c < HEAD.size(); c++) {
                head.createCell(c).setCellValue(HEAD.get(c));
                head.getCell(c).setCellStyle(bold);
            }
            Set<String> in = new HashSet<>();
            line.get("fundedOnlyByThePanel").forEach(x -> in.add(x.asString()));
            Set<String> out = new HashSet<>();
            line.get("fundedOnlyByTheEngine").forEach(x -> out.add(x.asString()));
            int r = 3;
            int position = 1;
            for (String part : List.of("funded", "reserve")) {
                for (JsonNode f : line.get(part)) {
                    Row row = sheet.createRow(r++);
                    String id = f.get("applicationId").asString();
                    row.createCell(0).setCellValue(position++);
                    row.createCell(1).setCellValue(part.equals("funded") ? "资助 Funded" : "备选 Reserve");
                    row.createCell(2).setCellValue(id);
                    row.createCell(3).setCellValue(f.get("finalScore").doubleValue());
                    row.createCell(4).setCellValue(switch (f.get("finalFrom").asString()) {
                        case "consensus" -> "合议 Consensus";
                        case "reviews" -> "专家平均 Reviews' mean";
                        default -> "系统评分 Engine";
                    });
                    if (f.hasNonNull("rank")) {
                        row.createCell(5).setCellValue(f.get("rank").intValue());
                    }
                    if (f.hasNonNull("engineRank")) {
                        row.createCell(6).setCellValue(f.get("engineRank").intValue());
                    }
                    if (f.hasNonNull("requested")) {
                        row.createCell(7).setCellValue(f.get("requested").doubleValue());
                    }
                    row.createCell(8).setCellValue(in.contains(id) ? "评审后进入 Funded after review"
                            : out.contains(id) ? "评审后退出 Left out after review" : "");
                }
            }
            sheet.createFreezePane(0, 3);
            for (int c = 0; c < HEAD.size(); c++) {
                sheet.setColumnWidth(c, 20 * 256);
            }
            WorkbookReport.printable(sheet);
            sheet.setRepeatingRows(new CellRangeAddress(2, 2, -1, -1));
        });
    }
}
