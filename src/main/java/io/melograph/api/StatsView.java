package io.melograph.api;

import io.melograph.events.EventIntake;
import io.melograph.events.GraphAggregator;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** Counts per label and relationship type, event intake counters and how far behind the graph aggregation is. */
@Serdeable
public record StatsView(Map<String, Long> nodes, Map<String, Long> relationships, Events events, Aggregation aggregation) {

    /** Journaled events, duplicates dropped, events naming items the catalog lacks, listeners with live state. */
    @Serdeable
    public record Events(long journaled, long duplicates, long unknownItemEvents, int listeners, String journalEnd) {
        static Events of(EventIntake.Stats s) {
            return new Events(s.journaled(), s.duplicates(), s.unknownItemEvents(), s.listeners(), s.journalEnd());
        }
    }

    /** Events folded into LISTENED / CO_LISTENED so far, still pending, and the age of the oldest pending one. */
    @Serdeable
    public record Aggregation(long aggregated, long pending, long lagMs, long lastBatchMs, String cursor) {
        static Aggregation of(GraphAggregator.Status s) {
            return new Aggregation(s.aggregated(), s.pending(), s.lagMs(), s.lastBatchMs(), s.cursor());
        }
    }
}
