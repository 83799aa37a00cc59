package org.policyevaluator.intake.excel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyevaluator.intake.ApplicationReader;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.model.Application;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads applications from Excel workbooks (.xlsx, .xls): the template's batch sheet, any sheet whose
 * first row holds field headers (paths or the template's labels) with data from the next row, and the
 * template's form sheet. Each row (or form) is turned into the canonical JSON shape and validated by
 * the same {@link ApplicationReader} as JSON, so both give the same application; the validator's JSON
 * paths are reported as file, sheet, row and column. Hidden sheets are not read.
 *
 * <p>Unusable files throw a {@link WorkbookException}; a bad row is a {@link Rejection} and reading goes
 * on; warnings (unknown columns, formulas saved without a value) go to the warnings consumer.
 */
public final class WorkbookIntake {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern JSON_PATH = Pattern.compile("^\\$\\.([A-Za-z.]+)(?:\\[(\\d+)\\](.*))?$");
    private static final int MAX_FORM_ROWS = 2_000;
    private static final int MAX_UNKNOWN_WARNINGS = 20;

    private final Set<String> programmes;
    private final EnumValues enums;

    public WorkbookIntake(Set<String> programmes, EnumValues enums) {
        this.programmes = programmes;
        this.enums = enums;
    }

    /** Reads a file; each accepted application goes to {@code accepted}, each bad one to {@code rejected}. */
    public void read(Path file, Consumer<Submission> accepted, Consumer<Rejection> rejected, Consumer<Problem> warnings) {
        Reader r = new Reader(file, accepted, rejected, warnings);
        WorkbookFiles.read(file, r);
        if (r.applications == 0) {
            throw new WorkbookException(WorkbookException.Kind.NO_APPLICATIONS, r.name + ": no applications found: "
                    + (r.emptySheets.isEmpty() ? "no sheet has field headers (e.g. applicationId, title, applicant.name) "
                    + "in its first row, and there is no filled form sheet; sheets read: " + String.join(", ", r.sheetNames)
                    : "the application sheets have no filled rows (" + String.join(", ", r.emptySheets) + ")"));
        }
    }

    /** Reads a file, printing nothing: warnings are dropped. Prefer the variant with a warnings consumer. */
    public void read(Path file, Consumer<Submission> accepted, Consumer<Rejection> rejected) {
        read(file, accepted, rejected, w -> { });
    }

    private final class Reader implements SheetVisitor {
        final Path file;
        final String name;
        final Consumer<Submission> accepted;
        final Consumer<Rejection> rejected;
        final Consumer<Problem> warnings;
        final List<String> sheetNames = new ArrayList<>();
        final List<String> emptySheets = new ArrayList<>();
        int applications;

        // the sheet being read
        String sheet;
        boolean decided;
        boolean batch;
        int headerRow;
        ColumnMap columns;
        int sheetApplications;
        List<Object[]> buffered;

        Reader(Path file, Consumer<Submission> accepted, Consumer<Rejection> rejected, Consumer<Problem> warnings) {
            this.file = file;
            this.name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            this.accepted = accepted;
            this.rejected = rejected;
            this.warnings = warnings;
        }

        @Override
        public boolean startSheet(String sheetName, boolean hidden) {
            if (hidden || TemplateSheets.isReferenceSheet(sheetName)) {
                return false;
            }
            sheetNames.add(sheetName);
            sheet = sheetName;
            decided = false;
            batch = false;
            columns = null;
            sheetApplications = 0;
            buffered = new ArrayList<>();
            return true;
        }

        @Override
        public void row(int row, List<RawCell> cells) {
            if (!decided) {
                if (cells.stream().allMatch(RawCell::isBlank)) {
                    return;
                }
                decided = true;
                ColumnMap map = headers(row, cells);
                if (map.size() >= 2) {
                    batch = true;
                    headerRow = row;
                    columns = map;
                    return;
                }
            }
            if (batch) {
                if (row == headerRow + 1 && isLabelsRow(cells)) {
                    return;
                }
                batchRow(row, cells);
            } else if (buffered != null) {
                buffered.add(new Object[] {row, cells});
                if (buffered.size() > MAX_FORM_ROWS) {
                    buffered = null;
                }
            }
        }

        @Override
        public void endSheet() {
            if (!batch && buffered != null) {
                form();
            }
            if ((batch || columns != null) && sheetApplications == 0) {
                emptySheets.add(sheet);
            }
            buffered = null;
        }

        private ColumnMap headers(int row, List<RawCell> cells) {
            ColumnMap map = ColumnMap.empty();
            Map<Field, String> seen = new HashMap<>();
            List<String> unknown = new ArrayList<>();
            for (RawCell c : cells) {
                String h = CellValues.asText(c);
                if (h.isBlank()) {
                    continue;
                }
                Field f = ColumnMap.field(h);
                if (f == null) {
                    unknown.add(h.strip() + " (" + CellRef.column(c.column()) + ")");
                } else if (seen.containsKey(f)) {
                    warnings.accept(new Problem(where(row, null) + ", column " + CellRef.column(c.column()),
                            "column \"" + h.strip() + "\" repeats " + f.path() + " (already in column "
                                    + seen.get(f) + "); it is ignored"));
                } else {
                    seen.put(f, CellRef.column(c.column()));
                    map.put(c.column(), f, h);
                }
            }
            if (map.size() >= 2) {
                for (int i = 0; i < unknown.size() && i < MAX_UNKNOWN_WARNINGS; i++) {
                    warnings.accept(new Problem(name + ", sheet " + sheet + ", column " + unknown.get(i),
                            "unknown column, ignored: it is not a field of the application"));
                }
                if (unknown.size() > MAX_UNKNOWN_WARNINGS) {
                    warnings.accept(new Problem(name + ", sheet " + sheet, (unknown.size() - MAX_UNKNOWN_WARNINGS)
                            + " more unknown columns ignored"));
                }
            }
            return map;
        }

        /** The template's second row: each cell names its own column's field. */
        private boolean isLabelsRow(List<RawCell> cells) {
            int labels = 0;
            int other = 0;
            for (RawCell c : cells) {
                Field col = columns.at(c.column());
                if (col == null || c.isBlank()) {
                    continue;
                }
                if (c.type() == RawCell.Type.TEXT && col.equals(ColumnMap.field(c.text()))) {
                    labels++;
                } else {
                    other++;
                }
            }
            return labels > 0 && labels >= other;
        }

        private void batchRow(int row, List<RawCell> cells) {
            ObjectNode node = NODES.objectNode();
            List<Problem> problems = new ArrayList<>();
            Set<String> reported = new HashSet<>();
            boolean any = false;
            for (RawCell c : cells) {
                Field f = columns.at(c.column());
                if (f == null || c.isBlank()) {
                    continue;
                }
                any = true;
                set(node, f, c, () -> where(row, columns.describe(c.column())), problems, reported);
            }
            if (!any) {
                return;
            }
            finish(node, "sheet " + sheet + ", row " + (row + 1), problems, reported,
                    path -> {
                        Integer col = columns.columnOf(path);
                        return where(row, col != null ? columns.describe(col) : path + " (no such column)");
                    });
        }

        /** A form: one field per row, its label in one cell and its value in the next to the right. */
        private void form() {
            Map<Field, Object[]> values = new LinkedHashMap<>();
            Map<Field, String> labels = new HashMap<>();
            int matched = 0;
            for (Object[] b : buffered) {
                int row = (int) b[0];
                @SuppressWarnings("unchecked")
                List<RawCell> cells = (List<RawCell>) b[1];
                for (int i = 0; i < cells.size(); i++) {
                    RawCell c = cells.get(i);
                    Field f = c.type() == RawCell.Type.TEXT ? ColumnMap.field(c.text()) : null;
                    if (f == null) {
                        continue;
                    }
                    matched++;
                    labels.putIfAbsent(f, c.text().strip().replaceAll("\\s+", " "));
                    RawCell value = i + 1 < cells.size() && cells.get(i + 1).column() == c.column() + 1 ? cells.get(i + 1) : null;
                    if (value != null && !value.isBlank()) {
                        values.putIfAbsent(f, new Object[] {row, value});
                    }
                    break;
                }
            }
            if (matched < 3) {
                return;
            }
            columns = ColumnMap.empty();
            if (values.isEmpty()) {
                return;
            }
            ObjectNode node = NODES.objectNode();
            List<Problem> problems = new ArrayList<>();
            Set<String> reported = new HashSet<>();
            Map<String, Integer> rows = new HashMap<>();
            for (var e : values.entrySet()) {
                int row = (int) e.getValue()[0];
                rows.put(e.getKey().path(), row);
                set(node, e.getKey(), (RawCell) e.getValue()[1], () -> formWhere(row, e.getKey(), labels), problems, reported);
            }
            finish(node, "sheet " + sheet, problems, reported, path -> {
                Integer row = rows.get(path);
                Field f = Field.BY_PATH.get(path);
                return row != null ? formWhere(row, f, labels)
                        : name + ", sheet " + sheet + ", field " + (f != null ? f.label() + " (" + path + ")" : path);
            });
        }

        private String formWhere(int row, Field f, Map<Field, String> labels) {
            String label = labels.getOrDefault(f, f.path());
            return name + ", sheet " + sheet + ", row " + (row + 1) + ", field "
                    + (label.equals(f.path()) ? f.path() : "\"" + label + "\" (" + f.path() + ")");
        }

        /** Sets the field from the cell; {@code loc} names the cell, and is only worked out for a problem. */
        private void set(ObjectNode node, Field f, RawCell c, java.util.function.Supplier<String> loc, List<Problem> problems,
                         Set<String> reported) {
            if (c.type() == RawCell.Type.NO_CACHED_VALUE) {
                warnings.accept(new Problem(loc.get(), "a formula saved without its value (the workbook was not "
                        + "recalculated); read as empty: open and save it in Excel or LibreOffice"));
                return;
            }
            CellValues.Result r = CellValues.convert(c, f, enums);
            if (r.problem() != null) {
                problems.add(new Problem(loc.get(), r.problem()));
                reported.add(f.path());
                return;
            }
            JsonNode v = r.value();
            if (v.isString() && v.stringValue().isBlank() || v.isArray() && v.isEmpty()) {
                return;
            }
            String[] parts = f.path().split("\\.");
            ObjectNode parent = node;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
            }
            parent.set(parts[parts.length - 1], v);
        }

        /** Validates with the JSON validator and reports its JSON paths as cells. */
        private void finish(ObjectNode node, String location, List<Problem> problems, Set<String> reported,
                            java.util.function.Function<String, String> where) {
            // the required parts are always objects, so that a missing field is named, not its parent
            if (!node.has("applicant")) {
                node.putObject("applicant");
            }
            if (!node.has("budget")) {
                node.putObject("budget");
            }
            ApplicationReader reader = new ApplicationReader("$", programmes);
            Application app = reader.read(node);
            for (Problem p : reader.problems()) {
                Matcher m = JSON_PATH.matcher(p.location());
                if (!m.matches()) {
                    problems.add(new Problem(where.apply(p.location()), p.message()));
                    continue;
                }
                String path = m.group(1);
                if (reported.contains(path)) {
                    continue;
                }
                String item = m.group(2) == null ? "" : "item " + (Integer.parseInt(m.group(2)) + 1)
                        + (m.group(3).isEmpty() ? "" : " " + m.group(3).substring(1)) + ": ";
                problems.add(new Problem(where.apply(path), item + p.message()));
            }
            applications++;
            sheetApplications++;
            String id = app != null ? app.applicationId() : null;
            if (problems.isEmpty()) {
                accepted.accept(new Submission(file.toString(), location, app));
            } else {
                rejected.accept(new Rejection(file.toString(), location, id, List.copyOf(problems)));
            }
        }

        private String where(int row, String column) {
            return name + ", sheet " + sheet + ", row " + (row + 1) + (column == null ? "" : ", column " + column);
        }
    }
}
