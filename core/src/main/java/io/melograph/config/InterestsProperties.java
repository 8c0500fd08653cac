package io.melograph.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The learned interest model (MELOGRAPH_HOME/models/interests): listeners' real-time, long- and short-term and
 * multi-interest vectors.
 *
 * @param retrainHours   trained again on the events this often, promoted only when it beats the live version on a
 *                       held-out last week; 0: only {@code melograph train interests}
 * @param newSongsSeconds how often the catalog is looked at for songs added since the live version was trained; they
 *                       get vectors from its song tower (their graph facts)
 */
@ConfigurationProperties("melograph.interests")
public record InterestsProperties(@Bindable(defaultValue = "24") double retrainHours,
                                  @Bindable(defaultValue = "60") long newSongsSeconds) {
    public InterestsProperties {
        Check.atLeast("melograph.interests.retrain-hours", retrainHours, 0);
        Check.atLeast("melograph.interests.new-songs-seconds", newSongsSeconds, 1);
    }
}
