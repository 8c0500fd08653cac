package io.melograph.api;

import io.melograph.events.EventIntake;
import io.melograph.events.GraphAggregator;
import io.melograph.rank.OnlineRanking;
import io.melograph.scene.PrivateFmScene;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * Counts per label and relationship type, event intake counters, how far behind the graph aggregation is (null in a
 * serving-only process: a worker aggregates), Private FM counters; {@code role}: what this process does (melograph.role).
 */
@Serdeable
public record StatsView(Map<String, Long> nodes, Map<String, Long> relationships, Events events, Aggregation aggregation,
                        Fm fm, Map<String, Head> ftrl, List<ArmView> arms, String role) {

    /**
     * The online ranker's head: examples learned, and log loss and AUC of its latest predictions made before learning
     * each example (null while it has too few examples, or one class only, to tell).
     */
    @Serdeable
    public record Head(long examples, int window, Double logLoss, Double auc) {
        static Map<String, Head> of(OnlineRanking online) {
            Map<String, Head> out = new java.util.LinkedHashMap<>();
            Map<io.melograph.rank.Head, Long> examples = online.ranker().examples();
            online.metrics().ifPresent(m -> m.quality().forEach((h, q) -> out.put(h.wire(),
                    new Head(examples.get(h), q.examples(), finite(q.logLoss()), finite(q.auc())))));
            return out;
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : null;
        }
    }

    /**
     * Journaled events, duplicates dropped, events naming items the catalog lacks, listeners with live state, and how
     * live state started: the events it read, and the position of its snapshot.
     */
    @Serdeable
    public record Events(long journaled, long duplicates, long unknownItemEvents, int listeners, String journalEnd,
                         boolean caughtUp, long readAtStart, String liveStateSnapshotAt) {
        static Events of(EventIntake.Stats s) {
            return new Events(s.journaled(), s.duplicates(), s.unknownItemEvents(), s.listeners(), s.journalEnd(), s.caughtUp(),
                    s.readAtStart(), s.snapshotAt());
        }
    }

    /** Private FM: sessions held, started, refills ahead of need, pools that ran dry (popular stood in), explorations. */
    @Serdeable
    public record Fm(int sessions, long started, long refillsAhead, long ranDry, long explorations) {
        static Fm of(PrivateFmScene.Stats s) {
            return new Fm(s.sessions(), s.started(), s.refillsAhead(), s.ranDry(), s.explorations());
        }
    }

    /**
     * Events folded into LISTENED / CO_LISTENED so far, still pending, and the age of the oldest pending one;
     * {@code aggregating}: whether this process is the one that aggregates (several may share one event log).
     */
    @Serdeable
    public record Aggregation(long aggregated, long pending, long lagMs, long lastBatchMs, String cursor, boolean caughtUp,
                              boolean aggregating) {
        static Aggregation of(GraphAggregator.Status s) {
            return new Aggregation(s.aggregated(), s.pending(), s.lagMs(), s.lastBatchMs(), s.cursor(), s.caughtUp(), s.aggregating());
        }
    }
}
