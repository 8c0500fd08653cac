package io.melograph.recall;

import io.melograph.graph.GraphConnection;
import io.melograph.neighbours.NeighbourStore;
import io.melograph.util.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Keeps recall on the newest neighbour store in {@code MELOGRAPH_HOME/neighbours}: opens it at start if it is there,
 * then looks every few seconds whether {@code melograph neighbours build} has written a new one and swaps it in, so a
 * rebuild reaches a running service without a restart. Without a store, recall asks the graph as before. Each look
 * also compares the promoted graph-embeddings version with the one the store's vector lists came from.
 */
public final class NeighbourWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NeighbourWatch.class);
    private final RecallService recall;
    private final Path dir;
    private final Supplier<Optional<String>> liveEmbeddings;
    private final ScheduledExecutorService timer;
    private volatile FileTime seen;
    private volatile FileTime seenUpdates;
    /** The store files last found unusable: said once, not every time the watch looks, until they change. */
    private FileTime failed;
    private volatile NeighbourStore base;
    private boolean again; // guarded by this
    private volatile Thread builder;

    private NeighbourWatch(RecallService recall, Path dir, Supplier<Optional<String>> liveEmbeddings, Duration every) {
        this.recall = recall;
        this.dir = dir;
        this.liveEmbeddings = liveEmbeddings;
        check();
        this.timer = Periodic.every(every, "neighbour-store-watch", LOG, this::check);
    }

    /**
     * @param liveEmbeddings the graph-embeddings version promoted now: while it is not the one the store's vector lists
     *                       were computed from, the vector channel asks the index instead
     */
    public static NeighbourWatch start(RecallService recall, Path dir, Supplier<Optional<String>> liveEmbeddings, Duration every) {
        return new NeighbourWatch(recall, dir, liveEmbeddings, every);
    }

    /**
     * Builds the store in the background when there is none (a new home, or one deleted to start afresh, or one of an
     * older format), once recall
     * is warm so that the build does not hold up the warm-up; the watch then swaps it in. The graph answers meanwhile.
     *
     * @param threads songs asked in parallel (1 leaves the other core to listeners)
     * @param turn    whether this process is the one to build it (of several workers sharing the folder, the one that
     *                holds the aggregation lease): until it is, it waits, and builds nothing if another one did meanwhile
     */
    public NeighbourWatch buildIfMissing(GraphConnection graph, int threads, BooleanSupplier turn) {
        if (recall.neighbours().isPresent()) { // the watch opened it at start; a store there it could not open is built again
            return this;
        }
        if (turn.getAsBoolean()) {
            buildUnlessThere(graph, threads);
            return this;
        }
        Thread t = new Thread(() -> {
            try {
                while (!turn.getAsBoolean()) {
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            buildUnlessThere(graph, threads);
        }, "neighbour-build-turn");
        t.setDaemon(true);
        t.start();
        return this;
    }

    private void buildUnlessThere(GraphConnection graph, int threads) {
        check(); // another process may have built it meanwhile
        if (recall.neighbours().isEmpty()) {
            LOG.info("No usable neighbour store in {}: building it from the graph in the background", dir);
            rebuild(graph, threads);
        }
    }

    /**
     * Builds the store again in the background (after an import: new songs, new links), once recall is warm; the
     * graph answers for what the store does not know meanwhile. A request during a build runs one more after it.
     */
    public synchronized void rebuild(GraphConnection graph, int threads) {
        if (builder != null) {
            again = true;
            return;
        }
        Thread t = new Thread(() -> {
            try {
                while (!recall.warm()) {
                    Thread.sleep(1000);
                }
                while (true) {
                    NeighbourBuild.run(graph, recall, dir, threads, liveEmbeddings.get().orElse(null));
                    check();
                    synchronized (this) {
                        if (!again) {
                            builder = null;
                            return;
                        }
                        again = false;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Building the neighbour store failed ({}); the graph answers; run melograph neighbours build", e.toString());
            } finally {
                synchronized (this) {
                    if (builder == Thread.currentThread()) {
                        builder = null;
                        if (again) { // asked for while a build failed: one more
                            again = false;
                            rebuild(graph, threads);
                        }
                    }
                }
            }
        }, "neighbour-build");
        t.setDaemon(true);
        builder = t;
        t.start();
    }

    /** What /health shows: the store in use, or that one is being built, or none. */
    public String describe() {
        return recall.neighbours().map(n -> n.songs() + " songs, built " + n.builtAt())
                .orElse(builder != null ? "building from the graph (the graph answers meanwhile)" : "none: the graph answers");
    }

    /** Looks now whether the store or its updates changed, and swaps them in. */
    public synchronized void check() {
        if (!NeighbourStore.exists(dir)) {
            return;
        }
        FileTime modified = null;
        try {
            modified = Files.getLastModifiedTime(dir.resolve("nodes.bin"));
            recall.neighbours().ifPresent(this::checkVectors);
            Path updatesDir = NeighbourUpdates.beside(dir);
            FileTime updatesModified = NeighbourStore.exists(updatesDir) ? Files.getLastModifiedTime(updatesDir.resolve("nodes.bin")) : null;
            if (modified.equals(seen) && java.util.Objects.equals(updatesModified, seenUpdates) || modified.equals(failed)) {
                return;
            }
            boolean rebuilt = !modified.equals(seen);
            NeighbourStore store = rebuilt ? NeighbourStore.open(dir) : base;
            NeighbourStore updates = null;
            if (updatesModified != null) {
                try {
                    updates = NeighbourStore.open(updatesDir);
                } catch (RuntimeException e) {
                    LOG.warn("Neighbour updates in {} not usable ({}); the store's lists answer", updatesDir, e.toString());
                }
            }
            NeighbourStore layered = store.withUpdates(updates);
            recall.useNeighbours(layered);
            checkVectors(layered);
            base = store;
            seen = modified;
            seenUpdates = updatesModified;
            if (rebuilt) {
                LOG.info("Neighbour store of {} songs (built {}) in use: similar songs answer from it", store.songs(), store.builtAt());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Neighbour store in {} not usable ({}); similar songs ask the graph", dir, e.toString());
            failed = modified; // null when even its time could not be read: said again next time
        }
    }

    /** Stored vector lists are used only while the embeddings they came from are the ones on the nodes. */
    private void checkVectors(NeighbourStore store) {
        boolean fresh = store.embeddingsVersion().equals(liveEmbeddings.get());
        if (fresh != recall.storedVectorsFresh()) {
            recall.storedVectorsFresh(fresh);
            LOG.info(fresh ? "Stored vector neighbours match the promoted graph embeddings: answered from the store"
                    : "Graph embeddings changed since the neighbour store was built: vector neighbours come from the index until it is rebuilt");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        Thread t = builder;
        if (t != null) {
            t.interrupt();
        }
    }
}
