package io.melograph.recall;

import io.melograph.neighbours.NeighbourStore;
import io.melograph.util.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Keeps recall on the newest neighbour store in {@code MELOGRAPH_HOME/neighbours}: opens it at start if it is there,
 * then looks every few seconds whether {@code melograph neighbours build} has written a new one and swaps it in, so a
 * rebuild reaches a running service without a restart. Without a store, recall asks the graph as before.
 */
public final class NeighbourWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NeighbourWatch.class);
    private final RecallService recall;
    private final Path dir;
    private final ScheduledExecutorService timer;
    private volatile FileTime seen;

    private NeighbourWatch(RecallService recall, Path dir, Duration every) {
        this.recall = recall;
        this.dir = dir;
        check();
        this.timer = Periodic.every(every, "neighbour-store-watch", LOG, this::check);
    }

    public static NeighbourWatch start(RecallService recall, Path dir, Duration every) {
        return new NeighbourWatch(recall, dir, every);
    }

    private synchronized void check() {
        if (!NeighbourStore.exists(dir)) {
            return;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(dir.resolve("nodes.bin"));
            if (modified.equals(seen)) {
                return;
            }
            NeighbourStore store = NeighbourStore.open(dir);
            recall.useNeighbours(store);
            seen = modified;
            LOG.info("Neighbour store of {} songs (built {}) in use: similar songs answer from it", store.songs(), store.builtAt());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Neighbour store in {} not usable ({}); similar songs ask the graph", dir, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
