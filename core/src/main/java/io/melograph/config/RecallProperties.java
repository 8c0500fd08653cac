package io.melograph.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Recall: the channels' default time budget and what recall remembers of listeners between requests.
 *
 * @param budgetMs a recall channel's time budget in ms when its scene sets none; a channel past it is dropped and
 *                 reported as {@code timeout}
 * @param profiles listener profiles (their songs, artists, tags) kept in memory
 */
@ConfigurationProperties("melograph.recall")
public record RecallProperties(@Bindable(defaultValue = "200") long budgetMs, Profiles profiles) {
    public RecallProperties {
        Check.atLeast("melograph.recall.budget-ms", budgetMs, 1);
    }

    /**
     * Listener profiles (history read from the graph) kept in memory, so that most requests read nothing from the graph:
 * at start the most recently active listeners are read ahead; a profile the aggregation changed, or older than the
 * time limit, answers as it was while the background reads it again, a listener at most once per refresh interval.
     *
     * @param rememberedSongs songs over all remembered profiles at most; the least recently used go first
     * @param ttlSeconds      a profile not refreshed for this long is read again
     * @param preload         most active listeners' profiles read at start and kept current
     * @param refreshSeconds  how often the kept profiles take in what aggregation wrote
     */
    @ConfigurationProperties("profiles")
    public record Profiles(@Bindable(defaultValue = "500000") long rememberedSongs,
                           @Bindable(defaultValue = "600") long ttlSeconds,
                           @Bindable(defaultValue = "20000") int preload,
                           @Bindable(defaultValue = "30") long refreshSeconds) {
        public Profiles {
            Check.atLeast("melograph.recall.profiles.remembered-songs", rememberedSongs, 1);
            Check.atLeast("melograph.recall.profiles.ttl-seconds", ttlSeconds, 1);
            Check.atLeast("melograph.recall.profiles.preload", preload, 0);
            Check.atLeast("melograph.recall.profiles.refresh-seconds", refreshSeconds, 1);
        }
    }
}
