package io.melograph.rank;

import io.melograph.events.ItemCatalog;
import io.melograph.events.Journal;
import io.melograph.registry.ModelRegistry;
import io.melograph.util.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The service's online ranker and the registry version it descends from. The working copy (restored, learning from
 * the journal, snapshotted to {@code models/ftrl/ftrl.bin}) starts from the promoted version ({@code models/ftrl/
 * CURRENT}) whenever that differs from the version it was started from ({@code models/ftrl/LIVE}). A promotion or a
 * rollback, through the API or by another process (the registry is watched), swaps the ranker without a restart: the
 * version's snapshot is restored and caught up with the journal while the old ranker still answers, then replaces it.
 */
public final class LiveRanking implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRanking.class);
    static final String LIVE = "LIVE";
    /** The working copy before any version was promoted. */
    public static final String UNVERSIONED = "unversioned";

    private final ModelRegistry registry;
    private final Path dir;
    private final Journal journal;
    private final FtrlRanker.Config config;
    private final Function<String, ItemCatalog.SongFacts> songs;
    private OnlineMetrics metrics;
    private final Duration snapshotEvery;
    private volatile OnlineRanking active;
    private volatile String version;
    private ScheduledExecutorService watch;

    private LiveRanking(ModelRegistry registry, Path dir, Journal journal, FtrlRanker.Config config,
                        Function<String, ItemCatalog.SongFacts> songs, Duration snapshotEvery) {
        this.registry = registry;
        this.dir = dir;
        this.journal = journal;
        this.config = config;
        this.songs = songs;
        this.snapshotEvery = snapshotEvery;
    }

    /**
     * Restores the ranker (the working copy, or the promoted version when the working copy does not descend from it),
     * follows the journal in the background and snapshots every {@code snapshotEvery}.
     *
     * @param metrics the meters, given the live ranker whichever it is: they stay across swaps
     */
    public static LiveRanking start(ModelRegistry registry, Path home, Journal journal, FtrlRanker.Config config,
                                    Function<String, ItemCatalog.SongFacts> songs,
                                    Function<Supplier<FtrlRanker>, OnlineMetrics> metrics, Duration snapshotEvery) {
        LiveRanking live = new LiveRanking(registry, workingCopy(home), journal, config, songs,
                snapshotEvery);
        live.metrics = metrics.apply(live::ranker);
        live.begin();
        return live;
    }

    private void begin() {
        String base = readLive();
        Optional<String> current = registry.current(FtrlVersions.KIND);
        OnlineRanking ranking;
        if (current.isPresent() && !current.get().equals(base)) {
            ranking = fromVersion(current.get());
            version = current.get();
            LOG.info("FTRL ranker: starting from the promoted version {} (the working copy came from {})", version, base);
        } else {
            ranking = OnlineRanking.restoreOrFresh(dir, config, songs);
            version = base;
        }
        active = ranking.observe(metrics).follow(journal).startSnapshots(snapshotEvery);
        writeLive(version);
    }

    /** The ranker answering now. */
    public FtrlRanker ranker() {
        OnlineRanking a = active;
        return a == null ? null : a.ranker();
    }

    public OnlineRanking active() {
        return active;
    }

    /** The registry version the live ranker descends from ({@value #UNVERSIONED} before any). */
    public String version() {
        return version;
    }

    /**
     * Makes the registry's current version live, if it is not already: restored, caught up with the journal (the old
     * ranker answers meanwhile), then swapped in. Returns whether it swapped.
     */
    public synchronized boolean swapToCurrent() {
        Optional<String> current = registry.current(FtrlVersions.KIND);
        if (current.isEmpty() || current.get().equals(version)) {
            return false;
        }
        // caught up without meters: the journal it replays was counted once already, by the ranker it replaces
        OnlineRanking next = fromVersion(current.get()).follow(journal).awaitCaughtUp();
        OnlineRanking old = active;
        old.retire();
        active = next.observe(metrics).startSnapshots(snapshotEvery);
        version = current.get();
        next.snapshot(); // the working copy is the new version's from now on
        writeLive(version);
        LOG.info("FTRL ranker: version {} is live", version);
        return true;
    }

    /** Checks the registry every {@code period} and swaps in a version promoted or rolled back by another process. */
    public synchronized LiveRanking watch(Duration period) {
        if (watch == null) {
            watch = Periodic.every(period, "ftrl-registry-watch", LOG, this::swapToCurrent);
        }
        return this;
    }

    private OnlineRanking fromVersion(String v) {
        Path file = registry.dir(FtrlVersions.KIND, v).resolve(OnlineRanking.FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("model version " + v + " has no " + OnlineRanking.FILE + " in " + file.getParent());
        }
        return OnlineRanking.restore(file, dir, config, songs);
    }

    /**
     * Deletes the working copy in {@code home} (the service stopped): the next start learns afresh from the journal, or
     * from the promoted version. Returns the files deleted.
     */
    public static List<Path> discardWorkingCopy(Path home) throws IOException {
        Path dir = workingCopy(home);
        List<Path> deleted = new java.util.ArrayList<>();
        for (Path f : List.of(dir.resolve(OnlineRanking.FILE), dir.resolve(LIVE))) {
            if (Files.deleteIfExists(f)) {
                deleted.add(f);
            }
        }
        return deleted;
    }

    /** Where the working copy lives: beside the registry's FTRL versions in the home. */
    private static Path workingCopy(Path home) {
        return home.resolve("models").resolve(FtrlVersions.KIND);
    }

    private String readLive() {
        Path f = dir.resolve(LIVE);
        try {
            return Files.isRegularFile(f) ? Files.readString(f).strip() : UNVERSIONED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private void writeLive(String v) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(LIVE), v + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(LIVE), e);
        }
    }

    @Override
    public synchronized void close() {
        if (watch != null) {
            watch.shutdownNow();
        }
        active.close();
    }
}
