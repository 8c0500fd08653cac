package io.melograph.scene;

import io.melograph.events.ListenerState;
import io.melograph.rank.BehaviourSequences;
import io.melograph.rank.Exposure;
import io.melograph.rank.deep.ChainRanker;
import io.melograph.rank.deep.RankerFile;
import io.melograph.registry.ModelRegistry;
import io.melograph.util.Ids;
import io.melograph.util.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The deep-ranker version the service ranks with: the registry's current one ({@code models/ranker/CURRENT}); a
 * promotion or rollback is swapped in within one watch period while the old version answers. None before the first
 * version is promoted (FTRL alone ranks then).
 */
public final class DeepRanking implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeepRanking.class);

    private final ModelRegistry registry;
    private volatile Served served;
    private volatile String failed;
    private ScheduledExecutorService watch;

    public DeepRanking(ModelRegistry registry) {
        this.registry = registry;
    }

    /** Loads the current version now and then checks the registry every {@code period}. */
    public static DeepRanking start(ModelRegistry registry, Duration period) {
        DeepRanking live = new DeepRanking(registry);
        live.swapToCurrent();
        live.watch = Periodic.every(period, "ranker-registry-watch", LOG, live::swapToCurrent);
        return live;
    }

    public Optional<Served> served() {
        return Optional.ofNullable(served);
    }

    /** Makes the registry's current version live if it is not; whether it swapped. A version that fails to load is logged once. */
    public synchronized boolean swapToCurrent() {
        Optional<String> current = registry.current(RankerFile.KIND);
        Served s = served;
        if (current.isEmpty() || s != null && current.get().equals(s.version()) || current.get().equals(failed)) {
            return false;
        }
        try {
            ChainRanker model = ChainRanker.read(registry.dir(RankerFile.KIND, current.get()));
            model.prepare(); // its ONNX Runtime sessions, off the request path
            served = new Served(current.get(), model, Ids.indexOf(model.userIds()), Ids.indexOf(model.itemIds()));
            LOG.info("Deep ranker: version {} ({}) is live", current.get(), model.name());
            if (s != null) {
                s.model().close(); // its native sessions, once the requests scoring with it have returned
            }
            return true;
        } catch (IOException | RuntimeException e) {
            failed = current.get();
            LOG.warn("Deep ranker version {} cannot be served, {} stays live: {}", current.get(), s == null ? "none" : s.version(),
                    e.toString());
            return false;
        }
    }


    /** One loaded version: the model and the indices of the listeners and items it knows (0: any other). */
    public record Served(String version, ChainRanker model, Map<String, Integer> users, Map<String, Integer> items) {

        /** What answers say ranked: the model's name and version. */
        public String label() {
            return model.name() + " " + version;
        }

        /**
         * Every head's probabilities ({@code [head.ordinal()][candidate]}) for showing each item to the listener now,
         * with the behaviour sequences and session position their latest events give ({@link BehaviourSequences}, as
         * training built them from the journal).
         *
         * @param recent the listener's latest events, newest first ({@link ListenerState#recent})
         */
        public double[][] heads(String userId, String scene, long now, List<String> itemIds, List<ListenerState.Recent> recent) {
            BehaviourSequences sequences = new BehaviourSequences();
            for (int k = recent.size() - 1; k >= 0; k--) { // oldest first
                ListenerState.Recent r = recent.get(k);
                sequences.add(items.getOrDefault(r.itemId(), 0), r.action(), r.ts());
            }
            BehaviourSequences.History history = sequences.at(now);
            int user = users.getOrDefault(userId, 0);
            Exposure[] exposures = new Exposure[itemIds.size()];
            for (int k = 0; k < exposures.length; k++) {
                exposures[k] = new Exposure(user, items.getOrDefault(itemIds.get(k), 0), now, scene, history.position(), history);
            }
            return model.allHeads(exposures);
        }
    }

    @Override
    public synchronized void close() {
        if (watch != null) {
            watch.shutdownNow();
        }
        if (served != null) {
            served.model().close();
        }
    }
}
