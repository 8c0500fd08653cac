package io.melograph.cli;

import io.melograph.ingest.ImportProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A progress bar with rows/s on a terminal; a log line every few seconds otherwise (CI, pipes). */
final class ConsoleProgress {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleProgress.class);

    private ConsoleProgress() {}

    static ImportProgress create() {
        return System.console() != null ? ConsoleProgress::bar : logLines();
    }

    private static void bar(String phase, long done, long total, double rate, boolean finished) {
        StringBuilder sb = new StringBuilder("\r").append(String.format("%-20s ", phase));
        if (total > 0) {
            int width = 30;
            int filled = (int) Math.min(width, width * done / Math.max(1, total));
            sb.append('[').append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ")
                    .append(String.format("%3d%% ", 100 * done / Math.max(1, total)));
        }
        sb.append(String.format("%,d rows  %,.0f rows/s   ", done, rate));
        System.err.print(sb);
        if (finished) {
            System.err.println();
        }
    }

    private static ImportProgress logLines() {
        long[] last = {0};
        return (phase, done, total, rate, finished) -> {
            long now = System.currentTimeMillis();
            if (finished || now - last[0] >= 5_000) {
                last[0] = now;
                LOG.info("{}: {} rows{}, {} rows/s{}", phase, String.format("%,d", done),
                        total > 0 ? String.format(" of %,d", total) : "", String.format("%,.0f", rate), finished ? " (done)" : "");
            }
        };
    }
}
