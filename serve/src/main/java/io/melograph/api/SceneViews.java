package io.melograph.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.melograph.scene.DailyList;
import io.melograph.scene.FmNext;
import io.melograph.scene.Onboarding;
import io.melograph.scene.Pick;
import io.melograph.scene.PrivateFmScene;
import io.melograph.scene.SceneAnswer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** JSON of the scenes: their records as they are, and a list scene's answer with its long-tail share. */
@SerdeImport(Pick.class)
@SerdeImport(DailyList.class)
@SerdeImport(FmNext.class)
@SerdeImport(Onboarding.Result.class)
@SerdeImport(PrivateFmScene.PoolSong.class)
final class SceneViews {
    private SceneViews() {}

    /** A list of playlists, videos or MLOGs. */
    @Serdeable
    record ListView(String userId, String scene, List<Pick> items, Map<String, String> channels, boolean fallback,
                    double longTailShare) {
        static ListView of(SceneAnswer a) {
            return new ListView(a.userId(), a.scene(), a.items(), a.channels(), a.fallback(), a.longTailShare());
        }
    }

    /** The pool of a listener's Private FM session (admin, for offline replays). */
    @Serdeable
    record FmPoolView(String userId, boolean degraded, List<PrivateFmScene.PoolSong> songs) {}

    /** Onboarding choices: artist ids, genre ids or names, optionally the listener's time zone; nothing else. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    record OnboardingRequest(@Nullable List<String> artists, @Nullable List<String> genres, @Nullable String timeZone) {}
}
