package org.policyevaluator.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.policyevaluator.evaluation.Evaluator;
import org.policyevaluator.intake.Problem;
import org.policyevaluator.intake.Rejection;
import org.policyevaluator.intake.Submission;
import org.policyevaluator.intake.excel.WorkbookIntake;
import org.springframework.stereotype.Component;

/** Excel uploads behind the web doors: the same workbook reader as the CLI. */
@Component
class ExcelWorkbooks {
    private final WorkbookIntake intake;

    ExcelWorkbooks(Evaluator evaluator) {
        this.intake = new WorkbookIntake(evaluator.ruleBase().reader());
    }

    /**
     * Reads an uploaded workbook. It is read under the name it was uploaded with (in a folder of its
     * own), so that every message names the user's file rather than a temporary one.
     */
    void read(Path file, String source, Consumer<Submission> accepted, Consumer<Rejection> rejected,
                     Consumer<Problem> warnings) {
        String name = Path.of(source.replace('\\', '/')).getFileName().toString().replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pe-upload");
            Path named = Files.copy(file, dir.resolve(name.isBlank() ? "upload.xlsx" : name));
            intake.read(named, s -> accepted.accept(new Submission(source, s.location(), s.application())),
                    r -> rejected.accept(new Rejection(source, r.location(), r.applicationId(), r.problems())), warnings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temporary folder left behind
                }
            }
        }
    }
}
