package io.melograph.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A listener's interests from the live interest model: each named by its songs' commonest artists and genres. */
@Serdeable
public record InterestsView(String userId, String version, int historySongs, List<Interest> interests) {

    /** One interest: the channel that recalls from it, its name, and the listener's songs closest to it (latest first). */
    @Serdeable
    public record Interest(String channel, String label, List<String> artists, List<String> genres, List<Song> songs) {}

    @Serdeable
    public record Song(String id, @Nullable String title) {}
}
