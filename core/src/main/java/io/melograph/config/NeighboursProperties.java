package io.melograph.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The materialized neighbour store (MELOGRAPH_HOME/neighbours): co-listened songs, vector neighbours, friends'
 * favourites, read by recall without a graph query.
 *
 * @param buildIfMissing        with no store at start, build one from the graph in the background once recall is warm
 *                              (the graph answers meanwhile); {@code melograph neighbours build} rebuilds it
 * @param updatesSeconds        how often the co-listened lists of songs whose co-listening aggregation moved are
 *                              computed again and laid over the store until its next build
 * @param friendsUpdatesSeconds how often friends' favourites of listeners who listened since are computed again
 */
@ConfigurationProperties("melograph.neighbours")
public record NeighboursProperties(@Bindable(defaultValue = "true") boolean buildIfMissing,
                                   @Bindable(defaultValue = "30") long updatesSeconds,
                                   @Bindable(defaultValue = "600") long friendsUpdatesSeconds) {
    public NeighboursProperties {
        Check.atLeast("melograph.neighbours.updates-seconds", updatesSeconds, 1);
        Check.atLeast("melograph.neighbours.friends-updates-seconds", friendsUpdatesSeconds, 1);
    }
}
