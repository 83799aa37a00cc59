package org.policyevaluator.intake.excel;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an .xlsx package sheet by sheet with SAX, one row at a time, so that memory does not grow
 * with the number of rows. Handles what real files do: rows and cells without {@code r=} references,
 * shared and inline strings, formulas with or without cached values, the 1904 date system, merged
 * cells (the top-left value is carried down a vertically merged column), hidden and macro sheets.
 * DOCTYPEs are refused by the parser ({@link XMLHelper}), text is capped at Excel's cell limit.
 */
final class XlsxSheets {
    static final int MAX_CELL_TEXT = 32_767;
    /** All shared strings together, in characters; far above a 100,000-row batch, far below the heap. */
    static final long MAX_SHARED_TEXT = 60_000_000;
    static final int MAX_COLUMNS = 16_384;
    static final int MAX_ROWS = 1_048_576;

    private static final String MAIN_TYPES = "spreadsheetml.sheet.main spreadsheetml.template.main "
            + "ms-excel.sheet.macroEnabled.main ms-excel.template.macroEnabled.main ms-excel.addin.macroEnabled.main";

    private final OPCPackage pkg;
    private final String source;
    private PackagePart workbookPart;
    private boolean date1904;
    private List<String> sharedStrings = List.of();
    private StylesTable styles;
    private final Map<Integer, int[]> formatCache = new HashMap<>();

    XlsxSheets(OPCPackage pkg, String source) {
        this.pkg = pkg;
        this.source = source;
    }

    void read(SheetVisitor visitor) throws Exception {
        var cores = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (cores.isEmpty() && !pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT).isEmpty()) {
            throw new WorkbookException(WorkbookException.Kind.UNSUPPORTED, source, "a Strict Open XML workbook "
                    + "is not supported; save it as an ordinary .xlsx (Excel Workbook)");
        }
        if (cores.isEmpty()) {
            throw new WorkbookException(WorkbookException.Kind.DAMAGED,
                    source, "damaged workbook: the package does not say where its workbook is (_rels/.rels)");
        }
        workbookPart = pkg.getPart(cores.getRelationship(0));
        if (workbookPart == null) {
            throw new WorkbookException(WorkbookException.Kind.DAMAGED,
                    source, "damaged workbook: the main part is missing");
        }
        checkContentType(workbookPart.getContentType());
        List<String[]> sheets = new ArrayList<>();
        parse(workbookPart.getInputStream(), new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String q, Attributes a) {
                if (local.equals("workbookPr")) {
                    String d = a.getValue("date1904");
                    date1904 = "1".equals(d) || "true".equalsIgnoreCase(d);
                } else if (local.equals("sheet")) {
                    String id = null;
                    for (int i = 0; i < a.getLength(); i++) {
                        if (a.getLocalName(i).equals("id") && !a.getURI(i).isEmpty()) {
                            id = a.getValue(i);
                        }
                    }
                    sheets.add(new String[] {a.getValue("name"), a.getValue("state"), id});
                }
            }
        });
        sharedStrings = readSharedStrings();
        PackageRelationship styleRel = related("/styles");
        if (styleRel != null) {
            styles = new StylesTable(workbookPart.getRelatedPart(styleRel));
        }
        for (String[] s : sheets) {
            if (s[2] == null) {
                continue;
            }
            PackageRelationship rel = workbookPart.getRelationship(s[2]);
            // macro sheets, chart sheets and dialog sheets hold no rows of data
            if (rel == null || !rel.getRelationshipType().endsWith("/worksheet")) {
                continue;
            }
            PackagePart part = workbookPart.getRelatedPart(rel);
            String name = s[0] == null ? "" : s[0];
            boolean hidden = s[1] != null && !s[1].equals("visible");
            if (!visitor.startSheet(name, hidden)) {
                continue;
            }
            Merges merges = hasMerges(part) ? readMerges(part) : Merges.NONE;
            parse(part.getInputStream(), new SheetHandler(visitor, merges, name));
            visitor.endSheet();
        }
    }

    private void checkContentType(String type) {
        for (String t : MAIN_TYPES.split(" ")) {
            if (type.contains(t)) {
                return;
            }
        }
        if (type.contains("binary.macroEnabled")) {
            throw new WorkbookException(WorkbookException.Kind.UNSUPPORTED, source, "an Excel binary workbook (.xlsb) is not supported; save it as .xlsx (Excel Workbook)");
        }
        String what = type.contains("wordprocessingml") ? "a Word document"
                : type.contains("presentationml") ? "a PowerPoint presentation" : "an Office file of type " + type;
        throw new WorkbookException(WorkbookException.Kind.NOT_A_WORKBOOK,
                source, "not an Excel workbook: it is " + what);
    }

    private List<String> readSharedStrings() throws Exception {
        PackageRelationship rel = related("/sharedStrings");
        if (rel == null) {
            return List.of();
        }
        PackagePart part = workbookPart.getRelatedPart(rel);
        List<String> out = new ArrayList<>();
        parse(part.getInputStream(), new DefaultHandler() {
            final StringBuilder sb = new StringBuilder();
            boolean inT;
            int phonetic;
            long total;

            @Override
            public void startElement(String uri, String local, String q, Attributes a) {
                switch (local) {
                    case "si" -> sb.setLength(0);
                    case "rPh" -> phonetic++;
                    case "t" -> inT = phonetic == 0;
                    default -> { }
                }
            }

            @Override
            public void endElement(String uri, String local, String q) {
                switch (local) {
                    case "si" -> {
                        total += sb.length();
                        if (total > MAX_SHARED_TEXT) {
                            throw new WorkbookException(WorkbookException.Kind.UNSAFE, source, "refused: the shared texts exceed " + MAX_SHARED_TEXT + " characters in all");
                        }
                        out.add(sb.toString());
                    }
                    case "rPh" -> phonetic--;
                    case "t" -> inT = false;
                    default -> { }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inT) {
                    if (sb.length() + length > MAX_CELL_TEXT) {
                        throw tooLong("a shared text");
                    }
                    sb.append(ch, start, length);
                }
            }
        });
        return out;
    }

    /** The workbook's relationship of a type (transitional or strict namespace), or null. */
    private PackageRelationship related(String typeSuffix) throws Exception {
        for (PackageRelationship r : workbookPart.getRelationships()) {
            if (r.getRelationshipType().endsWith(typeSuffix)) {
                return r;
            }
        }
        return null;
    }

    private WorkbookException tooLong(String where) {
        return new WorkbookException(WorkbookException.Kind.UNSAFE, source, "refused: " + where
                + " is longer than " + String.format("%,d", MAX_CELL_TEXT) + " characters, Excel's limit for a cell");
    }

    /** A cheap byte scan so that the common sheet without merged cells is parsed once, not twice. */
    private static boolean hasMerges(PackagePart part) throws IOException {
        byte[] needle = "mergeCell".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (InputStream in = part.getInputStream()) {
            byte[] buffer = new byte[1 << 16];
            int matched = 0;
            // scanned a chunk at a time: a byte-at-a-time read through a buffered stream costs more than the scan
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == needle[matched]) {
                        if (++matched == needle.length) {
                            return true;
                        }
                    } else {
                        matched = b == needle[0] ? 1 : 0;
                    }
                }
            }
        }
        return false;
    }

    private Merges readMerges(PackagePart part) throws Exception {
        Merges merges = new Merges();
        parse(part.getInputStream(), new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String q, Attributes a) {
                if (local.equals("mergeCell")) {
                    String ref = a.getValue("ref");
                    int colon = ref == null ? -1 : ref.indexOf(':');
                    if (colon > 0) {
                        long first = CellRef.parse(ref.substring(0, colon));
                        long last = CellRef.parse(ref.substring(colon + 1));
                        if (first >= 0 && last >= 0) {
                            merges.add(CellRef.row(first), CellRef.col(first), CellRef.row(last));
                        }
                    }
                }
            }
        });
        merges.seal();
        return merges;
    }

    static void parse(InputStream in, DefaultHandler handler) throws Exception {
        try (in) {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler);
            reader.parse(new InputSource(in));
        }
    }

    /** [isDate, isPercent] for a style index. */
    private int[] format(int styleIndex) {
        return formatCache.computeIfAbsent(styleIndex, i -> {
            if (styles == null || i < 0 || i >= styles.getNumCellStyles()) {
                return new int[] {0, 0};
            }
            XSSFCellStyle style = styles.getStyleAt(i);
            if (style == null) {
                return new int[] {0, 0};
            }
            String fmt = style.getDataFormatString();
            boolean date = fmt != null && DateUtil.isADateFormat(style.getDataFormat(), fmt);
            return new int[] {date ? 1 : 0, fmt != null && isPercentFormat(fmt) ? 1 : 0};
        });
    }

    static boolean isPercentFormat(String fmt) {
        boolean quoted = false;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\') {
                i++;
            } else if (c == '%' && !quoted) {
                return true;
            }
        }
        return false;
    }

    private final class SheetHandler extends DefaultHandler {
        private final SheetVisitor visitor;
        private final Merges merges;
        private final String sheet;
        private final List<RawCell> cells = new ArrayList<>();
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();
        private int row = -1;
        private int lastCol;
        private int col;
        private String type;
        private int style;
        private boolean hasFormula;
        private boolean hasValue;
        private boolean inV;
        private boolean inInlineT;
        private boolean inIs;
        private int phonetic;

        SheetHandler(SheetVisitor visitor, Merges merges, String sheet) {
            this.visitor = visitor;
            this.merges = merges;
            this.sheet = sheet;
        }

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            switch (local) {
                case "row" -> {
                    String r = a.getValue("r");
                    int next = row + 1;
                    if (r != null) {
                        try {
                            next = Integer.parseInt(r.trim()) - 1;
                        } catch (NumberFormatException e) {
                            throw damaged("row number \"" + r + "\" is not a number");
                        }
                    }
                    if (next <= row || next >= MAX_ROWS) {
                        throw damaged("row " + (next + 1) + " is out of order or beyond Excel's last row");
                    }
                    row = next;
                    lastCol = -1;
                    cells.clear();
                }
                case "c" -> {
                    String r = a.getValue("r");
                    col = lastCol + 1;
                    if (r != null) {
                        long ref = CellRef.parse(r);
                        if (ref < 0) {
                            throw damaged("cell reference \"" + r + "\" is not valid");
                        }
                        col = CellRef.col(ref);
                    }
                    if (col >= MAX_COLUMNS) {
                        throw damaged("a cell lies beyond Excel's last column XFD");
                    }
                    lastCol = col;
                    type = a.getValue("t");
                    String s = a.getValue("s");
                    style = 0;
                    if (s != null) {
                        try {
                            style = Integer.parseInt(s);
                        } catch (NumberFormatException e) {
                            style = -1;
                        }
                    }
                    hasFormula = false;
                    hasValue = false;
                    value.setLength(0);
                    inline.setLength(0);
                }
                case "f" -> hasFormula = true;
                case "v" -> {
                    inV = true;
                    hasValue = true;
                }
                case "is" -> inIs = true;
                case "rPh" -> phonetic++;
                case "t" -> inInlineT = inIs && phonetic == 0;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String local, String q) {
            switch (local) {
                case "v" -> inV = false;
                case "t" -> inInlineT = false;
                case "rPh" -> phonetic--;
                case "is" -> {
                    inIs = false;
                    hasValue = true;
                }
                case "c" -> {
                    RawCell cell = cell();
                    if (cell != null) {
                        cells.add(cell);
                    }
                }
                case "row" -> {
                    List<RawCell> out = merges.fill(row, cells);
                    if (!out.isEmpty()) {
                        visitor.row(row, List.copyOf(out));
                    }
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inV) {
                if (value.length() + length > MAX_CELL_TEXT) {
                    throw tooLong("the text of cell " + CellRef.name(row, col) + " on sheet " + sheet);
                }
                value.append(ch, start, length);
            } else if (inInlineT) {
                if (inline.length() + length > MAX_CELL_TEXT) {
                    throw tooLong("the text of cell " + CellRef.name(row, col) + " on sheet " + sheet);
                }
                inline.append(ch, start, length);
            }
        }

        private RawCell cell() {
            if (hasFormula && !hasValue) {
                return RawCell.noCachedValue(col);
            }
            String v = value.toString();
            String t = type == null ? "n" : type;
            switch (t) {
                case "s" -> {
                    if (v.isBlank()) {
                        return null;
                    }
                    int i;
                    try {
                        i = Integer.parseInt(v.trim());
                    } catch (NumberFormatException e) {
                        throw damaged("cell " + CellRef.name(row, col) + " refers to shared text \"" + v + "\"");
                    }
                    if (i < 0 || i >= sharedStrings.size()) {
                        throw damaged("cell " + CellRef.name(row, col) + " refers to shared text " + i + " that does not exist");
                    }
                    String s = sharedStrings.get(i);
                    return s.isEmpty() ? null : RawCell.text(col, s);
                }
                case "inlineStr" -> {
                    String s = inline.length() > 0 ? inline.toString() : v;
                    return s.isEmpty() ? null : RawCell.text(col, s);
                }
                case "str" -> {
                    return v.isEmpty() ? null : RawCell.text(col, v);
                }
                case "b" -> {
                    return v.isEmpty() ? null : RawCell.bool(col, v.trim().equals("1") || v.trim().equalsIgnoreCase("true"));
                }
                case "e" -> {
                    return RawCell.error(col, v.isEmpty() ? "#ERROR" : v);
                }
                case "d" -> {
                    if (v.isBlank()) {
                        return null;
                    }
                    try {
                        String iso = v.trim();
                        LocalDateTime d = iso.length() <= 10 ? java.time.LocalDate.parse(iso).atStartOfDay()
                                : LocalDateTime.parse(iso.endsWith("Z") ? iso.substring(0, iso.length() - 1) : iso);
                        return RawCell.number(col, DateUtil.getExcelDate(d, date1904), false, d);
                    } catch (RuntimeException e) {
                        return RawCell.text(col, v);
                    }
                }
                default -> {
                    if (v.isBlank()) {
                        return null;
                    }
                    double d;
                    try {
                        d = Double.parseDouble(v.trim());
                    } catch (NumberFormatException e) {
                        return RawCell.text(col, v);
                    }
                    int[] f = format(style);
                    LocalDateTime date = null;
                    if (f[0] == 1 && DateUtil.isValidExcelDate(d)) {
                        date = DateUtil.getLocalDateTime(d, date1904);
                    }
                    return RawCell.number(col, d, f[1] == 1, date);
                }
            }
        }

        private WorkbookException damaged(String what) {
            return new WorkbookException(WorkbookException.Kind.DAMAGED,
                    source, "damaged workbook: sheet " + sheet + ": " + what);
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
