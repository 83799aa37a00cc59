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
import org.policyevaluator.intake.ApplicationReader;
import org.policyevaluator.intake.Location;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.model.FieldDef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import org.policyevaluator.evidence.References;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads applications from Excel workbooks (.xlsx, .xls): the template's batch sheet, any sheet whose
 * first row holds field headers (paths or the template's labels) with data from the next row, and the
 * template's form sheet. Each row (or form) is turned into the canonical JSON shape and validated by
 * the same {@link ApplicationReader} as JSON, so both give the same application; the validator's
 * locations (field, item) are put in the sheet's terms (row, column) as parts, never parsed from text.
 * Hidden sheets are not read.
 *
 * <p>Unusable files throw a {@link WorkbookException}; a bad row is a {@link Rejection} and reading goes
 * on; warnings (unknown columns, formulas saved without a value) go to the warnings consumer.
 */
public final class WorkbookIntake {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_FORM_ROWS = 2_000;
    private static final int MAX_UNKNOWN_WARNINGS = 20;

    private final ApplicationReader reader;
    private final ColumnMap.Headers headers;
    /** The application's evidence property, whose claims a batch sheet gives as evidence.CLAIM columns. */
    private static final String EVIDENCE = "evidence";

    public WorkbookIntake(ApplicationReader reader) {
        this.reader = reader;
        this.headers = new ColumnMap.Headers(reader.format());
    }

    /** Reads a file; each accepted application goes to {@code accepted}, each bad one to {@code rejected}. */
    public void read(Path file, Consumer<Submission> accepted, Consumer<Rejection> rejected, Consumer<Problem> warnings) {
        Reader r = new Reader(file, accepted, rejected, warnings);
        WorkbookFiles.read(file, r);
        if (r.applications == 0) {
            throw new WorkbookException(WorkbookException.Kind.NO_APPLICATIONS, r.name, "no applications found: "
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
            ColumnMap map = new ColumnMap();
            Map<FieldDef, String> seen = new HashMap<>();
            List<Location> unknown = new ArrayList<>();
            for (RawCell c : cells) {
                String h = CellValues.asText(c);
                if (h.isBlank()) {
                    continue;
                }
                FieldDef f = headers.field(h);
                String column = CellRef.column(c.column());
                String claim = evidenceClaim(h);
                if (claim != null) {
                    map.putEvidence(c.column(), claim, h);
                } else if (f == null) {
                    unknown.add(new Location.InSheet(name, sheet, null, column, h.strip(), null, null, null));
                } else if (seen.containsKey(f)) {
                    warnings.accept(Problem.of(new Location.InSheet(name, sheet, row + 1, column, h.strip(), f.path(), null,
                            null), "problem.cell.repeatedColumn", "header", h.strip(), "field", f.path(), "first", seen.get(f)));
                } else {
                    seen.put(f, column);
                    map.put(c.column(), f, h);
                }
            }
            if (map.size() >= 2) {
                for (int i = 0; i < unknown.size() && i < MAX_UNKNOWN_WARNINGS; i++) {
                    warnings.accept(Problem.of(unknown.get(i), "problem.cell.unknownColumn"));
                }
                if (unknown.size() > MAX_UNKNOWN_WARNINGS) {
                    warnings.accept(Problem.of(new Location.InSheet(name, sheet, null, null, null, null, null, null),
                            "problem.cell.moreUnknownColumns", "count", unknown.size() - MAX_UNKNOWN_WARNINGS));
                }
            }
            return map;
        }

        /** The template's second row: each cell names its own column's field. */
        private boolean isLabelsRow(List<RawCell> cells) {
            int labels = 0;
            int other = 0;
            for (RawCell c : cells) {
                FieldDef col = columns.at(c.column());
                if (col == null || c.isBlank()) {
                    continue;
                }
                if (c.type() == RawCell.Type.TEXT && col.equals(headers.field(c.text()))) {
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
                if (c.isBlank()) {
                    continue;
                }
                String claim = columns.evidenceAt(c.column());
                if (claim != null) {
                    // references separated by ; (or a new line); a document written NAME sha256:HEX
                    ArrayNode refs = node.withObject(EVIDENCE).putArray(claim);
                    References.split(CellValues.asText(c)).forEach(refs::add);
                    continue;
                }
                FieldDef f = columns.at(c.column());
                if (f == null) {
                    continue;
                }
                any = true;
                set(node, f, c, cell(row, c.column()), problems, reported);
            }
            if (!any) {
                return;
            }
            finish(node, new Location.InSheet(name, sheet, row + 1, null, null, null, null, null), problems, reported,
                    path -> {
                        Integer col = path.startsWith(EVIDENCE + "[\"")
                                ? columns.evidenceColumnOf(path.substring(EVIDENCE.length() + 2, path.length() - 2))
                                : columns.columnOf(path);
                        return col != null ? cell(row, col)
                                : new Location.InSheet(name, sheet, row + 1, null, null, path, null, null);
                    });
        }

        /** The claim an evidence column holds ("evidence.innovation.inventionPatents"), or null. */
        private String evidenceClaim(String header) {
            String h = header.strip();
            return h.startsWith(EVIDENCE + ".") && h.length() > EVIDENCE.length() + 1 ? h.substring(EVIDENCE.length() + 1) : null;
        }

        /** A cell of the batch sheet: row, column letter, the header as written and the field it holds. */
        private Location.InSheet cell(int row, int column) {
            FieldDef f = columns.at(column);
            return new Location.InSheet(name, sheet, row + 1, CellRef.column(column), columns.header(column),
                    f == null ? null : f.path(), null, null);
        }

        /** A form: one field per row, its label in one cell and its value in the next to the right. */
        private void form() {
            Map<FieldDef, Object[]> values = new LinkedHashMap<>();
            Map<FieldDef, String> labels = new HashMap<>();
            int matched = 0;
            for (Object[] b : buffered) {
                int row = (int) b[0];
                @SuppressWarnings("unchecked")
                List<RawCell> cells = (List<RawCell>) b[1];
                for (int i = 0; i < cells.size(); i++) {
                    RawCell c = cells.get(i);
                    FieldDef f = c.type() == RawCell.Type.TEXT ? headers.field(c.text()) : null;
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
            columns = new ColumnMap();
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
                set(node, e.getKey(), (RawCell) e.getValue()[1], formField(row, e.getKey(), labels), problems, reported);
            }
            finish(node, new Location.InSheet(name, sheet, null, null, null, null, null, null), problems, reported, path -> {
                Integer row = rows.get(path);
                FieldDef f = reader.format().field(path);
                return row != null && f != null ? formField(row, f, labels)
                        : new Location.InSheet(name, sheet, null, null, null, path, null, null);
            });
        }

        /** A field of the form sheet: its row, and the label as written there. */
        private Location.InSheet formField(int row, FieldDef f, Map<FieldDef, String> labels) {
            return new Location.InSheet(name, sheet, row + 1, null, labels.getOrDefault(f, f.path()), f.path(), null, null);
        }

        /** Sets the field from the cell; a cell that cannot be read is a problem at {@code where}. */
        private void set(ObjectNode node, FieldDef f, RawCell c, Location.InSheet where, List<Problem> problems,
                         Set<String> reported) {
            if (c.type() == RawCell.Type.NO_CACHED_VALUE) {
                warnings.accept(Problem.of(where, "problem.cell.formula"));
                return;
            }
            CellValues.Result r = CellValues.convert(c, f);
            if (r.problem() != null) {
                problems.add(r.problem().at(where));
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

        /** Validates with the schema's validator and puts its locations in the sheet's terms. */
        private void finish(ObjectNode node, Location.InSheet location, List<Problem> problems, Set<String> reported,
                            java.util.function.Function<String, Location.InSheet> where) {
            // the required parts are always objects, so that a missing field is named, not its parent
            if (!node.has("applicant")) {
                node.putObject("applicant");
            }
            if (!node.has("budget")) {
                node.putObject("budget");
            }
            ApplicationReader.Result result = reader.read(node, "$");
            for (Problem p : result.problems()) {
                Location.InJson l = (Location.InJson) p.location();
                if (l.field() != null && reported.contains(l.field())) {
                    continue;
                }
                Location.InSheet cell = l.field() == null ? location : where.apply(l.field());
                problems.add(p.at(l.item() == null ? cell : cell.withItem(l.item(), l.itemField())));
            }
            applications++;
            sheetApplications++;
            if (problems.isEmpty()) {
                accepted.accept(new Submission(file.toString(), location, result.application()));
            } else {
                rejected.accept(new Rejection(file.toString(), location, result.applicationId(), List.copyOf(problems)));
            }
        }
    }
}
