package org.policyevaluator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Where a command writes its result: a file given with --out, or standard output. */
final class Output {
    private Output() {
    }

    static void to(Path file, PrintWriter stdout, Consumer<PrintWriter> writer) {
        if (file == null) {
            writer.accept(stdout);
            stdout.flush();
            return;
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            writer.accept(w);
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    /** A file that cannot be written: its folder missing or not writable said in words, else the system's reason. */
    static Main.UsageException cannotWrite(Object file, IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return new Main.UsageException("usage.cannotWrite.noFolder", file);
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new Main.UsageException("usage.cannotWrite.denied", file);
        }
        return new Main.UsageException("usage.cannotWrite", file, e.getMessage());
    }
}
