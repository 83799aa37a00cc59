package org.policyevaluator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and ETA on standard error — only when standard error is a terminal, so that
 * logs and pipes get nothing extra.
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** @param total how many applications are expected, or -1 when not known yet */
    static Progress start(String task, long total) {
        if (!stderrIsTerminal()) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" apps", 1)
                .showSpeed().setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        return new Progress(bar);
    }

    LongConsumer consumer() {
        return done -> {
            if (bar != null) {
                bar.stepTo(done);
            }
        };
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** Java 17 cannot ask about standard error directly; on Linux its file descriptor names its device. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception notLinux) {
            return System.console() != null;
        }
    }
}
