package org.policyevaluator.intake.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Locale;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.IOUtils;
import org.apache.poi.util.RecordFormatException;
import org.xml.sax.SAXParseException;

/**
 * Opens a workbook file safely and hands its sheets to a {@link SheetVisitor}. Picks the reader by the
 * file's content, not its name; refuses what cannot or must not be read with a one-line
 * {@link WorkbookException}: password-protected, not a workbook, damaged, unsupported, hostile. No
 * exception from POI escapes as anything else.
 */
public final class WorkbookFiles {
    /** Files above this are refused before anything is parsed. */
    public static final long MAX_FILE_BYTES = 100L * 1024 * 1024;

    /**
     * POI's limits for untrusted workbooks, set before the first read; not when a file is only sniffed,
     * which would load POI and its logging into every command (a quarter of a second at start-up).
     */
    private static final class Limits {
        static {
            // a part that inflates more than 100:1 is a zip bomb; no part may inflate beyond 1 GB
            ZipSecureFile.setMinInflateRatio(0.01);
            ZipSecureFile.setMaxEntrySize(1L << 30);
            ZipSecureFile.setMaxFileCount(10_000);
            IOUtils.setByteArrayMaxOverride((int) (MAX_FILE_BYTES + (1 << 20)));
        }

        static void apply() {
            // the class initialiser does it, once
        }
    }

    /** What the first bytes of a file say it is. */
    public enum Content { ZIP, OLE2, JSON, OTHER }

    private WorkbookFiles() {
    }

    /** Sniffs the first bytes: ZIP (xlsx), OLE2 (xls or an encrypted xlsx), JSON, or anything else. */
    public static Content sniff(Path file) throws IOException {
        byte[] head = head(file, 512);
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5 || head[2] == 7)) {
            return Content.ZIP;
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && head[2] == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            return Content.OLE2;
        }
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i < head.length && (head[i] == '{' || head[i] == '[')) {
            return Content.JSON;
        }
        return Content.OTHER;
    }

    /** Whether a file should go to the workbook reader: by content, else by an Excel-like name. */
    public static boolean isWorkbook(Path file) {
        try {
            Content c = sniff(file);
            if (c == Content.ZIP || c == Content.OLE2) {
                return true;
            }
            if (c == Content.JSON) {
                return false;
            }
        } catch (IOException e) {
            // the JSON reader reports an unreadable file as well as any
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".xlsm") || name.endsWith(".xlsb");
    }

    /** Reads every sheet of the file into the visitor, or throws a {@link WorkbookException}. */
    public static void read(Path file, SheetVisitor visitor) {
        Limits.apply();
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new WorkbookException(WorkbookException.Kind.UNSAFE, source, "refused: " + size / (1024 * 1024)
                        + " MB is over the " + MAX_FILE_BYTES / (1024 * 1024) + " MB limit for a workbook");
            }
            switch (sniff(file)) {
                case ZIP -> readXlsx(file, source, visitor);
                case OLE2 -> readOle2(file, source, visitor);
                default -> throw notAWorkbook(file, source);
            }
        } catch (WorkbookException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new WorkbookException(WorkbookException.Kind.UNREADABLE, source, "no such file");
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                // out of memory (not expected within the limits above): stop with a message, not a trace
                throw new WorkbookException(WorkbookException.Kind.UNSAFE, source, "refused: reading it needs more memory than is available");
            }
            throw classify(source, e);
        }
    }

    private static void readXlsx(Path file, String source, SheetVisitor visitor) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            new XlsxSheets(pkg, source).read(visitor);
        }
    }

    private static void readOle2(Path file, String source, SheetVisitor visitor) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo")) {
                readEncrypted(fs, source, visitor);
                return;
            }
            if (root.hasEntryCaseInsensitive("Workbook")) {
                try (HSSFWorkbook wb = new HSSFWorkbook(root, true)) {
                    XlsSheets.read(wb, visitor);
                }
                return;
            }
            if (root.hasEntryCaseInsensitive("Book")) {
                throw new WorkbookException(WorkbookException.Kind.UNSUPPORTED, source, "an Excel 5.0/95 workbook is not supported; open it in Excel or LibreOffice and save it as .xlsx");
            }
            String what = root.hasEntryCaseInsensitive("WordDocument") ? "a Word 97-2003 document"
                    : root.hasEntryCaseInsensitive("PowerPoint Document") ? "a PowerPoint 97-2003 presentation"
                    : "an OLE2 compound file without a workbook";
            throw new WorkbookException(WorkbookException.Kind.NOT_A_WORKBOOK, source, "not an Excel workbook: it is " + what);
        }
    }

    /**
     * An .xlsx inside an OLE2 encryption container. Excel opens those encrypted with its built-in default
     * password without asking, so do we; any other password means the file is password-protected.
     */
    private static void readEncrypted(POIFSFileSystem fs, String source, SheetVisitor visitor) throws Exception {
        Decryptor d;
        boolean opened;
        try {
            d = new EncryptionInfo(fs).getDecryptor();
            opened = d.verifyPassword(Decryptor.DEFAULT_PASSWORD);
        } catch (EncryptedDocumentException | GeneralSecurityException | IllegalArgumentException e) {
            throw encrypted(source);
        }
        if (!opened) {
            throw encrypted(source);
        }
        Path plain = Files.createTempFile("pe-decrypted", ".xlsx");
        try {
            try (InputStream in = d.getDataStream(fs); OutputStream out = Files.newOutputStream(plain)) {
                byte[] buf = new byte[1 << 16];
                long total = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > MAX_FILE_BYTES) {
                        throw new WorkbookException(WorkbookException.Kind.UNSAFE, source, "refused: the decrypted workbook is over the size limit");
                    }
                    out.write(buf, 0, n);
                }
            }
            readXlsx(plain, source, visitor);
        } finally {
            Files.deleteIfExists(plain);
        }
    }

    private static WorkbookException encrypted(String source) {
        return new WorkbookException(WorkbookException.Kind.ENCRYPTED, source, "the workbook is password-protected (encrypted); remove the password in Excel "
                + "(File > Info > Protect Workbook) and submit it again");
    }

    private static WorkbookException notAWorkbook(Path file, String source) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        byte[] head = head(file, 512);
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        String lower = text.toLowerCase(Locale.ROOT);
        if (name.startsWith("~$")) {
            return new WorkbookException(WorkbookException.Kind.NOT_A_WORKBOOK, source, "not an Excel workbook: this is an Excel lock file (~$…), which Excel creates while a workbook "
                    + "is open; submit the workbook itself");
        }
        if (head.length == 0) {
            return new WorkbookException(WorkbookException.Kind.NOT_A_WORKBOOK, source, "the file is empty");
        }
        if (lower.startsWith("<?xml") && (lower.contains("mso-application") || lower.contains("urn:schemas-microsoft-com:office:spreadsheet"))) {
            return new WorkbookException(WorkbookException.Kind.UNSUPPORTED, source, "an Excel 2003 XML spreadsheet is not supported; open it in Excel or LibreOffice and save it as .xlsx");
        }
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return new WorkbookException(WorkbookException.Kind.NOT_A_WORKBOOK, source, "not an Excel workbook: it is a web page (HTML); save the table as .xlsx");
        }
        if (lower.startsWith("%pdf")) {
            return new WorkbookException(WorkbookException.Kind.NOT_A_WORKBOOK, source, "not an Excel workbook: it is a PDF");
        }
        if (looksLikeText(head)) {
            return new WorkbookException(WorkbookException.Kind.NOT_A_WORKBOOK, source, "not an Excel workbook: it is plain text (CSV or tab-separated?); open it in Excel or "
                    + "LibreOffice and save it as .xlsx");
        }
        return new WorkbookException(WorkbookException.Kind.NOT_A_WORKBOOK, source, "not an Excel workbook (.xlsx or .xls), whatever its name says");
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20)) {
                return false;
            }
        }
        return true;
    }

    /** Maps whatever POI threw to one of the refusal kinds, with a short reason. */
    static WorkbookException classify(String source, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof EncryptedDocumentException) {
                return encrypted(source);
            }
            if (t instanceof OldExcelFormatException) {
                return new WorkbookException(WorkbookException.Kind.UNSUPPORTED, source, "an Excel 5.0/95 workbook is not supported; open it in Excel or LibreOffice and save it as .xlsx");
            }
            if (m.contains("DOCTYPE") || m.contains("entity") && m.contains("limit")) {
                return new WorkbookException(WorkbookException.Kind.UNSAFE, source, "refused: the workbook's XML declares a DOCTYPE (a possible entity-expansion attack)");
            }
            if (m.contains("Zip bomb")) {
                return new WorkbookException(WorkbookException.Kind.UNSAFE, source, "refused: a part of the workbook inflates far more than real workbooks do (possible zip bomb)");
            }
            if (m.contains("already exists") || m.contains("duplicate")) {
                return new WorkbookException(WorkbookException.Kind.UNSAFE, source, "refused: the package holds two parts with the same name, which readers resolve differently");
            }
            if (m.contains("Strict OOXML")) {
                return new WorkbookException(WorkbookException.Kind.UNSUPPORTED, source, "a Strict Open XML workbook is not supported; save it as an ordinary .xlsx (Excel Workbook)");
            }
            if (m.contains("max file count") || m.contains("MaxFileCount")) {
                return new WorkbookException(WorkbookException.Kind.UNSAFE, source, "refused: the package holds more parts than any workbook needs");
            }
        }
        if (e instanceof NotOfficeXmlFileException) {
            return new WorkbookException(WorkbookException.Kind.DAMAGED, source, "damaged or incomplete workbook: the zip archive holds no Office content");
        }
        if (e instanceof InvalidFormatException || e instanceof SAXParseException || e instanceof RecordFormatException
                || e instanceof IOException || e instanceof RuntimeException || e instanceof StackOverflowError) {
            return new WorkbookException(WorkbookException.Kind.DAMAGED, source, "damaged or unsupported workbook: " + shortReason(e));
        }
        return new WorkbookException(WorkbookException.Kind.DAMAGED, source, "damaged or unsupported workbook: " + shortReason(e));
    }

    private static String shortReason(Throwable e) {
        String m = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                m = t.getMessage();
                break;
            }
        }
        if (m == null) {
            return e instanceof StackOverflowError ? "its structure is nested too deeply" : "the file cannot be parsed";
        }
        m = m.replaceAll("\\s+", " ").strip();
        if (m.length() > 160) {
            m = m.substring(0, 160) + "…";
        }
        return m;
    }

    private static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }
}
