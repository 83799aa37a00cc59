package org.policyevaluator.template;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Calendar;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.policyevaluator.intake.excel.TemplateSheets;
import org.policyevaluator.model.ApplicationSchema;
import org.policyevaluator.model.CodeTable;
import org.policyevaluator.model.FieldDef;
import org.policyevaluator.model.FieldText;
import org.policyevaluator.model.FieldType;
import tools.jackson.databind.JsonNode;

/**
 * Writes the application template, from the schema: instructions; a form sheet for one application
 * (label, value, help, field); a batch sheet with one application per row, canonical field paths in
 * row 1 and bilingual labels in row 2; and the allowed values with their meanings. Every enum and
 * boolean cell has a drop-down, every input cell a hint. The output has no time stamps in its content
 * (fixed document dates), so that the committed template can be checked against a fresh one.
 */
public final class TemplateWriter {
    /** Data rows of the batch sheet that carry drop-downs and hints. */
    static final int BATCH_ROWS = 5_000;
    static final String YES = "是";
    static final String NO = "否";

    /** How a yes/no field is filled in (the schema's booleans have no description of their own). */
    static final String YES_NO_HELP = "是 / 否 (Yes / No; TRUE/FALSE, Y/N, 1/0)";

    private final ApplicationSchema schema;

    public TemplateWriter(ApplicationSchema schema) {
        this(schema, java.util.Map.of());
    }

    /** With an evidence.CLAIM column after the fields for each claim that takes evidence (tables/evidence.csv). */
    public TemplateWriter(ApplicationSchema schema,
                          java.util.Map<String, org.policyevaluator.rules.PolicyTables.EvidenceClaim> evidenceClaims) {
        this.schema = schema;
        this.evidenceClaims = java.util.List.copyOf(evidenceClaims.values());
    }

    private final java.util.List<org.policyevaluator.rules.PolicyTables.EvidenceClaim> evidenceClaims;

    /** Writes the blank template. */
    public void write(OutputStream out) throws IOException {
        write(List.of(), out);
    }

    /** Writes the template with the batch sheet filled from canonical JSON applications (samples, tests). */
    public void write(List<JsonNode> applications, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            instructions(wb.createSheet(TemplateSheets.INSTRUCTIONS), st);
            XSSFSheet form = wb.createSheet(TemplateSheets.FORM);
            XSSFSheet batch = wb.createSheet(TemplateSheets.BATCH);
            Map<String, String> names = values(wb, wb.createSheet(TemplateSheets.VALUES), st);
            form(form, st, names);
            batch(batch, st, names, applications);
            var props = wb.getProperties().getCoreProperties();
            Calendar fixed = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            fixed.clear();
            fixed.set(2026, Calendar.JANUARY, 1);
            Date date = fixed.getTime();
            props.setCreated(Optional.of(date));
            props.setModified(Optional.of(date));
            props.setCreator("policy-evaluator");
            props.setTitle("项目申报模板 Application template");
            wb.setActiveSheet(applications.isEmpty() ? 0 : 2);
            wb.write(out);
        }
    }

    private void instructions(XSSFSheet s, Styles st) {
        String[] lines = {
            "项目申报模板 · Application template",
            "",
            "一、单个申报：填写“申报表 Form”表的“填写 Value”列。带 * 的为必填项。",
            "   One application: fill the Value column of the \"申报表 Form\" sheet. Fields marked * are required.",
            "二、批量申报：在“批量申报 Batch”表中每行填写一个申报，从第 3 行开始；第 1 行是字段名，请勿修改。",
            "   A batch: one application per row of the \"批量申报 Batch\" sheet, from row 3; row 1 holds the field names, keep it.",
            "三、下拉列表给出可选值，含义见“可选值 Allowed values”表；多个值用分号 ; 分隔。",
            "   Drop-downs give the allowed values (meanings on the \"可选值 Allowed values\" sheet); separate several values with ;",
            "四、是/否：填 是 或 否（也接受 TRUE/FALSE、Y/N、1/0）。",
            "   Yes/no fields: 是 or 否 (TRUE/FALSE, Y/N and 1/0 are accepted too).",
            "五、占比填 0–1 之间的小数或百分比，如 0.72 或 72%；金额单位为万元。",
            "   Shares: a fraction 0–1 or a percentage, e.g. 0.72 or 72%. Amounts are in 万元 (10,000 CNY).",
            "六、算力芯片清单写成 型号*数量，用分号分隔，如 Ascend 910B*512; NVIDIA A800*64。",
            "   Chip inventory: model*count separated by ; e.g. Ascend 910B*512; NVIDIA A800*64",
            "七、其他程序导出的表格也可读取：第一行为字段名（字段路径或本模板的中文/英文标签），第二行起为数据。",
            "   Sheets exported by other programs are read too: field names (paths or this template's labels) in row 1, data from row 2.",
        };
        for (int i = 0; i < lines.length; i++) {
            Cell c = s.createRow(i).createCell(0);
            c.setCellValue(lines[i]);
            if (i == 0) {
                c.setCellStyle(st.title);
            }
        }
        s.setColumnWidth(0, 120 * 256);
    }

    private void form(XSSFSheet s, Styles st, Map<String, String> names) {
        Row title = s.createRow(0);
        cell(title, 0, "项目申报表 · Project application form", st.title);
        Row head = s.createRow(1);
        String[] heads = {"项目 / Item", "填写 / Value", "说明 / Help", "字段 / Field"};
        for (int i = 0; i < heads.length; i++) {
            cell(head, i, heads[i], st.header);
        }
        XSSFDataValidationHelper dv = new XSSFDataValidationHelper(s);
        for (int i = 0; i < schema.fields().size(); i++) {
            FieldDef f = schema.fields().get(i);
            Row r = s.createRow(i + 2);
            cell(r, 0, f.bilingualLabel() + (f.required() ? " *" : ""), st.label);
            cell(r, 1, "", st.input);
            cell(r, 2, help(f), st.help);
            cell(r, 3, f.path(), st.path);
            validate(s, dv, f, names, new CellRangeAddressList(i + 2, i + 2, 1, 1));
        }
        s.setColumnWidth(0, 44 * 256);
        s.setColumnWidth(1, 40 * 256);
        s.setColumnWidth(2, 70 * 256);
        s.setColumnWidth(3, 32 * 256);
        s.createFreezePane(0, 2);
    }

    private void batch(XSSFSheet s, Styles st, Map<String, String> names, List<JsonNode> applications) {
        Row paths = s.createRow(0);
        Row labels = s.createRow(1);
        Drawing<?> drawing = s.createDrawingPatriarch();
        XSSFDataValidationHelper dv = new XSSFDataValidationHelper(s);
        for (int i = 0; i < schema.fields().size(); i++) {
            FieldDef f = schema.fields().get(i);
            Cell p = cell(paths, i, f.path(), st.header);
            cell(labels, i, f.bilingualLabel() + (f.required() ? " *" : ""), st.label);
            ClientAnchor anchor = s.getWorkbook().getCreationHelper().createClientAnchor();
            anchor.setCol1(i);
            anchor.setCol2(i + 3);
            anchor.setRow1(0);
            anchor.setRow2(4);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(s.getWorkbook().getCreationHelper().createRichTextString(f.bilingualLabel() + "\n" + help(f)));
            comment.setAuthor("policy-evaluator");
            p.setCellComment(comment);
            validate(s, dv, f, names, new CellRangeAddressList(2, BATCH_ROWS + 1, i, i));
            s.setColumnWidth(i, Math.max(14, Math.min(40, f.path().length() + 4)) * 256);
        }
        int first = schema.fields().size();
        for (int k = 0; k < evidenceClaims.size(); k++) {
            var claim = evidenceClaims.get(k);
            cell(paths, first + k, "evidence." + claim.claim(), st.header);
            cell(labels, first + k, "佐证：" + claim.name("zh") + " / Evidence: " + claim.name("en"), st.label);
            s.setColumnWidth(first + k, 30 * 256);
        }
        s.createFreezePane(1, 2);
        int r = 2;
        for (JsonNode app : applications) {
            Row row = s.createRow(r++);
            for (int i = 0; i < schema.fields().size(); i++) {
                fill(row, i, schema.fields().get(i), app, st);
            }
            for (int k = 0; k < evidenceClaims.size(); k++) {
                JsonNode refs = app.path("evidence").path(evidenceClaims.get(k).claim());
                if (refs.isArray() && !refs.isEmpty()) {
                    java.util.List<String> texts = new java.util.ArrayList<>();
                    refs.forEach(ref -> texts.add(org.policyevaluator.evidence.References.text(ref)));
                    row.createCell(first + k).setCellValue(String.join("; ", texts));
                }
            }
        }
    }

    /** A field's help: the schema's description in Chinese, then in English. */
    static String help(FieldDef f) {
        if (f.type() == FieldType.BOOLEAN && f.hint("zh").isEmpty()) {
            return YES_NO_HELP;
        }
        return (f.hint("zh") + " " + f.hint("en")).strip();
    }

    /** One canonical JSON value written as a person would type it into the cell. */
    private void fill(Row row, int col, FieldDef f, JsonNode app, Styles st) {
        JsonNode v = app;
        for (String part : f.path().split("\\.")) {
            v = v == null ? null : v.get(part);
        }
        if (v == null || v.isNull()) {
            return;
        }
        Cell c = row.createCell(col);
        switch (f.type()) {
            case BOOLEAN -> c.setCellValue(v.asBoolean() ? YES : NO);
            case INTEGER, NUMBER -> {
                if (v.isNumber()) {
                    c.setCellValue(v.asDouble());
                    if (f.isShare()) {
                        c.setCellStyle(st.percent);
                    }
                } else {
                    c.setCellValue(v.asString());
                }
            }
            case CODE_LIST, ITEMS -> c.setCellValue(FieldText.format(f,
                    tools.jackson.databind.json.JsonMapper.shared().treeToValue(v, Object.class)));
            default -> c.setCellValue(v.asString());
        }
    }

    private void validate(XSSFSheet s, XSSFDataValidationHelper dv, FieldDef f, Map<String, String> names,
                          CellRangeAddressList range) {
        DataValidationConstraint c = switch (f.type()) {
            case CODE, CODE_LIST -> dv.createFormulaListConstraint(names.get(f.codes().name()));
            case BOOLEAN -> dv.createFormulaListConstraint("YesNo");
            case INTEGER -> dv.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, plain(f.minimum(), "0"), null);
            case NUMBER -> f.maximum() != null
                    ? dv.createDecimalConstraint(OperatorType.BETWEEN, plain(f.minimum(), "0"), plain(f.maximum(), "0"))
                    : dv.createDecimalConstraint(f.exclusiveMinimum() ? OperatorType.GREATER_THAN : OperatorType.GREATER_OR_EQUAL,
                            plain(f.minimum(), "0"), null);
            case TEXT, ITEMS -> dv.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL,
                    String.valueOf(f.maxLength() != null ? f.maxLength() : 32767), null);
        };
        DataValidation v = dv.createValidation(c, range);
        String title = f.label("zh");
        v.createPromptBox(title.length() > 32 ? title.substring(0, 32) : title, shorten(f.label("en") + ": " + help(f), 255));
        v.setShowPromptBox(true);
        // a list of several values (A; B) is typed freely: the drop-down only helps pick the first
        v.setShowErrorBox(f.type() != FieldType.CODE_LIST);
        v.setErrorStyle(f.type() == FieldType.CODE || f.type() == FieldType.BOOLEAN
                ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
        v.createErrorBox(shorten(title, 32), shorten("expected: " + help(f), 255));
        v.setSuppressDropDownArrow(true);
        s.addValidationData(v);
    }

    /** A bound as Excel's validation takes it; the fallback when the schema sets none. */
    private static String plain(Double v, String fallback) {
        return v == null ? fallback : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The allowed-values sheet; returns the defined name of each code table's list, by table name. */
    private Map<String, String> values(XSSFWorkbook wb, XSSFSheet s, Styles st) {
        Row head = s.createRow(0);
        String[] heads = {"字段 / Field", "值 / Value", "中文", "English"};
        for (int i = 0; i < heads.length; i++) {
            cell(head, i, heads[i], st.header);
        }
        Map<String, String> names = new LinkedHashMap<>();
        int r = 1;
        for (FieldDef f : schema.fields()) {
            CodeTable table = f.codes();
            if (table == null || names.containsKey(table.name())) {
                continue;
            }
            int first = r;
            for (CodeTable.Code v : table.codes()) {
                Row row = s.createRow(r++);
                cell(row, 0, f.path(), null);
                cell(row, 1, v.code(), null);
                cell(row, 2, v.nameZh(), null);
                cell(row, 3, v.nameEn(), null);
            }
            // a defined name: letters, digits and '_' ("tech-areas" -> Codes_tech_areas)
            String name = "Codes_" + table.name().replaceAll("[^A-Za-z0-9]", "_");
            define(wb, name, first, r - 1);
            names.put(table.name(), name);
        }
        int first = r;
        Row yes = s.createRow(r++);
        cell(yes, 0, "(是/否 yes/no)", null);
        cell(yes, 1, YES, null);
        cell(yes, 2, "是", null);
        cell(yes, 3, "Yes", null);
        Row no = s.createRow(r++);
        cell(no, 0, "(是/否 yes/no)", null);
        cell(no, 1, NO, null);
        cell(no, 2, "否", null);
        cell(no, 3, "No", null);
        define(wb, "YesNo", first, r - 1);
        s.setColumnWidth(0, 32 * 256);
        s.setColumnWidth(1, 26 * 256);
        s.setColumnWidth(2, 30 * 256);
        s.setColumnWidth(3, 50 * 256);
        s.createFreezePane(0, 1);
        return names;
    }

    private static void define(XSSFWorkbook wb, String name, int firstRow, int lastRow) {
        Name n = wb.createName();
        n.setNameName(name);
        n.setRefersToFormula("'" + TemplateSheets.VALUES + "'!$B$" + (firstRow + 1) + ":$B$" + (lastRow + 1));
    }

    private static Cell cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        if (style != null) {
            c.setCellStyle(style);
        }
        return c;
    }

    private static String shorten(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle label;
        final CellStyle input;
        final CellStyle help;
        final CellStyle path;
        final CellStyle percent;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            label = wb.createCellStyle();
            label.setWrapText(true);
            label.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            label.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            input = wb.createCellStyle();
            input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            input.setBorderBottom(BorderStyle.HAIR);
            help = wb.createCellStyle();
            help.setWrapText(true);
            path = wb.createCellStyle();
            Font grey = wb.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            path.setFont(grey);
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
        }
    }
}
