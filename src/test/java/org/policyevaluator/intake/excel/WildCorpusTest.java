package org.policyevaluator.intake.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyevaluator.Fixtures;
import org.policyevaluator.TestResources;

/**
 * The wild-xlsx corpus as a test: every file listed in its INDEX.md gets the outcome the index asks for
 * ("Reader should" column), and nothing but a {@link WorkbookException} ever comes out of the reader.
 * The corpus is test data of the repository (src/test/resources/corpus/wild-xlsx); without it these tests fail.
 */
class WildCorpusTest {
    static final String CORPUS = "corpus/wild-xlsx/";
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)`(?: \\(derived\\))? \\| [\\d,]+ \\| .*? \\| (.*?) \\| .*\\|$");
    private static final Pattern TAG = Pattern.compile("READ\\+?|ENCRYPTED|UNSUPPORTED|NOT-SPREADSHEET|CORRUPT|UNSAFE");

    enum Outcome { READ, ENCRYPTED, UNSUPPORTED, NOT_A_WORKBOOK, DAMAGED, UNSAFE }

    static Stream<Arguments> index() throws Exception {
        Path index = TestResources.path(CORPUS + "INDEX.md");
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(index)) {
            if (line.startsWith("## Not found")) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Set<Outcome> allowed = EnumSet.noneOf(Outcome.class);
            Matcher t = TAG.matcher(m.group(2));
            while (t.find()) {
                allowed.add(switch (t.group()) {
                    case "READ", "READ+" -> Outcome.READ;
                    case "ENCRYPTED" -> Outcome.ENCRYPTED;
                    case "UNSUPPORTED" -> Outcome.UNSUPPORTED;
                    case "NOT-SPREADSHEET" -> Outcome.NOT_A_WORKBOOK;
                    case "CORRUPT" -> Outcome.DAMAGED;
                    default -> Outcome.UNSAFE;
                });
            }
            out.add(Arguments.of(m.group(1), allowed));
        }
        return out.stream();
    }

    @Test
    void indexShouldListEveryCorpusFile() throws Exception {
        List<String> listed = index().map(a -> (String) a.get()[0]).sorted().toList();
        assertThat(listed).hasSize(43);
        try (Stream<Path> files = Files.list(TestResources.path(CORPUS + "INDEX.md").getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())
                    .filter(f -> !Set.of("INDEX.md", "README.md", "NOTICE").contains(f) && !f.startsWith(".")).sorted())
                    .containsExactlyElementsOf(listed);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("index")
    void readShouldGiveTheOutcomeTheIndexAsksFor(String file, Set<Outcome> allowed) {
        Path path = TestResources.path(CORPUS + file);
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> WorkbookFiles.read(path, new Counter()));
        Outcome outcome = thrown == null ? Outcome.READ : outcome(thrown);
        assertThat(outcome).as("%s: %s", file, thrown == null ? "read" : thrown.getMessage()).isIn(allowed);
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(10_000);
        // the application reader on top adds only "no applications found" to a readable workbook
        Throwable intake = catchThrowable(() -> Fixtures.workbookIntake().read(path, s -> { }, r -> { }, w -> { }));
        assertThat(intake).isInstanceOf(WorkbookException.class);
        if (thrown == null) {
            assertThat(((WorkbookException) intake).kind()).isEqualTo(WorkbookException.Kind.NO_APPLICATIONS);
        } else {
            assertThat(intake).hasMessage(thrown.getMessage());
        }
    }

    private static Outcome outcome(Throwable t) {
        assertThat(t).as("only WorkbookException leaves the reader").isInstanceOf(WorkbookException.class);
        assertThat(t.getMessage()).doesNotContain("Exception").doesNotContain("\n");
        return switch (((WorkbookException) t).kind()) {
            case ENCRYPTED -> Outcome.ENCRYPTED;
            case UNSUPPORTED -> Outcome.UNSUPPORTED;
            case NOT_A_WORKBOOK -> Outcome.NOT_A_WORKBOOK;
            case DAMAGED -> Outcome.DAMAGED;
            case UNSAFE -> Outcome.UNSAFE;
            default -> throw new AssertionError("unexpected kind for " + t.getMessage());
        };
    }

    static final class Counter implements SheetVisitor {
        final List<String> sheets = new ArrayList<>();
        final List<RawCell> cells = new ArrayList<>();

        @Override
        public boolean startSheet(String name, boolean hidden) {
            sheets.add(name + (hidden ? " (hidden)" : ""));
            return true;
        }

        @Override
        public void row(int row, List<RawCell> rowCells) {
            if (cells.size() < 100_000) {
                cells.addAll(rowCells);
            }
        }

        @Override
        public void endSheet() {
        }
    }

    private static Counter scan(String file) {
        Counter c = new Counter();
        WorkbookFiles.read(TestResources.path(CORPUS + file), c);
        return c;
    }

    @Test
    void readWhenFormulasHaveNoCachedValueShouldMarkThemNotFail() {
        assertThat(scan("bug60858.xlsx").cells).filteredOn(c -> c.type() == RawCell.Type.NO_CACHED_VALUE).hasSize(4);
    }

    @Test
    void readWhenWorkbookUses1904DatesShouldGiveTheRightDate() {
        assertThat(scan("1904DateWindowing.xls").cells).extracting(RawCell::date)
                .contains(LocalDateTime.of(2000, 1, 1, 0, 0));
    }

    @Test
    void readWhenFirstSheetIsVeryHiddenShouldSayItIsHidden() {
        assertThat(scan("customIndexedColors.xlsx").sheets).containsExactly("_TGK_HIDDEN (hidden)", "1");
    }

    @Test
    void readWhenAMacroSheetComesFirstShouldSkipIt() {
        assertThat(scan("xlmmacro.xlsm").sheets).doesNotContain("Macro1");
    }

    @Test
    void readWhenLinkedWorkbookIsMissingShouldUseCachedValues() {
        assertThat(scan("52575_main.xlsx").cells).extracting(CellValues::asText).contains("10", "POI rocks!", "TRUE");
    }

    @Test
    void readWhenRowsHaveNoReferencesShouldInferPositions() {
        Counter c = scan("59746_NoRowNums.xlsx");
        assertThat(c.cells).hasSizeGreaterThan(500);
        assertThat(c.cells).extracting(RawCell::column).contains(0, 1, 2);
    }

    @Test
    void readWhenDefaultPasswordEncryptsTheWorkbookShouldOpenIt() {
        assertThat(scan("58616.xlsx").sheets).hasSize(6);
    }
}
