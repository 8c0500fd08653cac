package io.melograph.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Event intake ({@code POST /events}) and what follows it: live listener state and aggregation into the graph.
 *
 * @param maxBatch       events one request may carry; a larger batch gets 413
 * @param maxBody        bytes one request's body may have; a larger body gets 413
 * @param liveListeners  live state (recent actions, session, short-term affinities) is kept for this many of the most
 *                       recently active listeners; the others start afresh with their next event (their history is in the graph)
 * @param snapshotMinutes how often live state is saved to MELOGRAPH_HOME/live-state (and at shutdown) with the journal
 *                       position it includes, so a start reads only the events after it
 * @param aggregationMs  how often acknowledged events are aggregated into the graph (play counts, co-listening), in ms
 * @param catalogRefresh how often the graph is asked whether its items changed (an import by any process, edits
 *                       included; simulations while the service runs), and the item catalog of intake read again if so
 * @param token          the apps' bearer token for {@code POST /events} and listeners' data (the admin token works too)
 */
@ConfigurationProperties("melograph.events")
public record EventsProperties(@Bindable(defaultValue = "1000") int maxBatch,
                               @Bindable(defaultValue = "1048576") long maxBody,
                               @Bindable(defaultValue = "100000") int liveListeners,
                               @Bindable(defaultValue = "5") long snapshotMinutes,
                               @Bindable(defaultValue = "1000") long aggregationMs,
                               @Bindable(defaultValue = "10s") java.time.Duration catalogRefresh,
                               @Nullable String token) {
    public EventsProperties {
        Check.atLeast("melograph.events.max-batch", maxBatch, 1);
        Check.atLeast("melograph.events.max-body", maxBody, 1);
        Check.atLeast("melograph.events.live-listeners", liveListeners, 1);
        Check.atLeast("melograph.events.snapshot-minutes", snapshotMinutes, 1);
        Check.atLeast("melograph.events.aggregation-ms", aggregationMs, 1);
        token = token == null ? "" : token;
    }
}
