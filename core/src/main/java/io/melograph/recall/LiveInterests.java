package io.melograph.recall;

import io.melograph.interest.InterestModelFile;
import io.melograph.registry.ModelRegistry;
import io.melograph.util.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The interest-model version the service answers with: the registry's current one ({@code models/interests/CURRENT}),
 * loaded with its song index; a promotion or rollback (through the API, a retraining or another process) is swapped
 * in within one watch period while the old version answers. None before the first version is trained.
 */
public final class LiveInterests implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveInterests.class);

    private final ModelRegistry registry;
    private volatile ServedInterests served;
    private volatile String failed;
    private ScheduledExecutorService watch;

    public LiveInterests(ModelRegistry registry) {
        this.registry = registry;
    }

    /** Loads the current version now and then checks the registry every {@code period}. */
    public static LiveInterests start(ModelRegistry registry, Duration period) {
        LiveInterests live = new LiveInterests(registry);
        live.swapToCurrent();
        live.watch = Periodic.every(period, "interests-registry-watch", LOG, live::swapToCurrent);
        return live;
    }

    public Optional<ServedInterests> served() {
        return Optional.ofNullable(served);
    }

    /** The live version, or null. */
    public String version() {
        ServedInterests s = served;
        return s == null ? null : s.version();
    }

    /** Makes the registry's current version live if it is not; whether it swapped. A version that fails to load is logged once. */
    public synchronized boolean swapToCurrent() {
        Optional<String> current = registry.current(InterestModelFile.KIND);
        if (current.isEmpty() || current.get().equals(version()) || current.get().equals(failed)) {
            return false;
        }
        try {
            long started = System.nanoTime();
            served = ServedInterests.load(current.get(), registry.dir(InterestModelFile.KIND, current.get()));
            LOG.info("Interest model: version {} is live ({} songs, loaded in {} ms)", current.get(), served.model().songs(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (IOException | RuntimeException e) {
            failed = current.get();
            LOG.warn("Interest model version {} cannot be served, {} stays live: {}", current.get(), version(), e.toString());
            return false;
        }
    }

    /**
     * Adds songs (long-term vectors by id) to the live version if it is still {@code version}; whether it was. A
     * version swapped in meanwhile is left alone: the watch for new songs looks again for it.
     */
    public synchronized boolean addSongs(String version, Map<String, float[]> vectors) {
        ServedInterests s = served;
        if (s == null || !s.version().equals(version)) {
            return false;
        }
        served = s.withSongs(vectors);
        return true;
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.shutdownNow();
        }
    }
}
