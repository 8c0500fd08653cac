package io.melograph.api;

import io.melograph.scene.DailyList;
import io.melograph.scene.DailyMixScene;
import io.melograph.scene.FmNext;
import io.melograph.scene.ListScene;
import io.melograph.scene.Onboarding;
import io.melograph.scene.PrivateFmScene;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.inject.Named;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** What listeners use: Daily Recommendation, Private FM, onboarding, playlists, videos and MLOGs. */
@Controller("/users")
@Access(Access.Level.APP)
@SecurityRequirement(name = "eventsToken")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ScenesController {
    static final int MAX_LIMIT = 100;
    /** Onboarding choices are a few dozen ids; FM takes no body. */
    static final int MAX_WRITE_BODY = 16 * 1024;

    private final DailyMixScene daily;
    private final PrivateFmScene fm;
    private final Onboarding onboarding;
    private final ListScene playlists;
    private final ListScene videos;
    private final ListScene mlogs;

    ScenesController(DailyMixScene daily, PrivateFmScene fm, Onboarding onboarding, @Named("playlists") ListScene playlists,
                     @Named("videos") ListScene videos, @Named("mlogs") ListScene mlogs) {
        this.daily = daily;
        this.fm = fm;
        this.onboarding = onboarding;
        this.playlists = playlists;
        this.videos = videos;
        this.mlogs = mlogs;
    }

    @Operation(summary = "Daily Recommendation: 30 songs, the same all day, recomputed at 06:00 in the listener's time zone",
            description = "`tz` (an IANA zone such as Europe/Berlin) overrides the profile's zone (set at onboarding; UTC when "
                    + "none). Familiar songs and discoveries mixed (familiarShare), at most 2 songs per artist, nothing disliked; "
                    + "each item says why and which channels found it; longTailShare is the share of long-tail songs.")
    @Get("/{id}/daily")
    DailyList daily(@PathVariable String id, @QueryValue(defaultValue = "30") int limit, @Nullable @QueryValue String tz) {
        check(id, limit);
        ZoneId zone = null;
        if (tz != null) {
            try {
                zone = ZoneId.of(tz);
            } catch (DateTimeException e) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "tz: not a time zone: '" + abbreviate(tz) + "' (use e.g. Europe/Berlin)");
            }
        }
        return daily.daily(id, zone, limit, Instant.now()).orElseThrow(() -> unknown(id));
    }

    @Operation(summary = "Private FM: the next song (recorded as an impression)",
            description = "Reads the listener's newest events first: skips, likes, dislikes and completes change this answer. "
                    + "No repeats within a session (30 minutes without activity ends it). `adaptive=false` ignores feedback "
                    + "(the baseline of the adaptation experiment); switching between the two starts a new session. "
                    + "Needs the events or admin token.")
    @Post("/{id}/fm/next")
    @Access(value = Access.Level.APP, maxBody = "" + MAX_WRITE_BODY)
    FmNext next(@PathVariable String id, @QueryValue(defaultValue = "true") boolean adaptive) {
        check(id, 1);
        return fm.next(id, adaptive, System.currentTimeMillis()).orElseThrow(() -> unknown(id));
    }

    @Operation(summary = "Onboarding of a cold listener: favourite artists (ids) and genres (ids or names), time zone",
            description = "Creates the listener if new. Scenes start from these choices until the listener has history. "
                    + "Needs the events or admin token.")
    @Post("/{id}/onboarding")
    @Access(value = Access.Level.APP, maxBody = "" + MAX_WRITE_BODY)
    Onboarding.Result onboard(@PathVariable String id, @Body SceneViews.OnboardingRequest body) {
        check(id, 1);
        List<String> artists = body.artists() == null ? List.of() : body.artists();
        List<String> genres = body.genres() == null ? List.of() : body.genres();
        if (artists.size() + genres.size() == 0 || artists.size() + genres.size() > Onboarding.MAX_CHOICES) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "choose between 1 and " + Onboarding.MAX_CHOICES + " artists and genres");
        }
        artists.forEach(RequestChecks::id);
        genres.forEach(RequestChecks::id);
        if (body.timeZone() != null) {
            try {
                ZoneId.of(body.timeZone());
            } catch (DateTimeException e) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "timeZone: not a time zone: '" + abbreviate(body.timeZone()) + "'");
            }
        }
        Onboarding.Result r = onboarding.choose(id, artists, genres, body.timeZone());
        daily.zoneChanged(id);
        if (r.artists().isEmpty() && r.genres().isEmpty()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "none of the artists or genres is in the catalog: " + r.unknown());
        }
        return r;
    }

    @Operation(summary = "Playlists for the listener: holding their songs, made by similar listeners, full of their genres")
    @Get("/{id}/playlists")
    SceneViews.ListView playlists(@PathVariable String id, @QueryValue(defaultValue = "20") int limit) {
        return list(playlists, id, limit);
    }

    @Operation(summary = "Music videos with the listener's songs (cross-entity)")
    @Get("/{id}/videos")
    SceneViews.ListView videos(@PathVariable String id, @QueryValue(defaultValue = "20") int limit) {
        return list(videos, id, limit);
    }

    @Operation(summary = "MLOGs (short music videos) using the listener's songs (cross-entity)")
    @Get("/{id}/mlogs")
    SceneViews.ListView mlogs(@PathVariable String id, @QueryValue(defaultValue = "20") int limit) {
        return list(mlogs, id, limit);
    }

    private static SceneViews.ListView list(ListScene scene, String id, int limit) {
        check(id, limit);
        return scene.list(id, limit, System.currentTimeMillis()).map(SceneViews.ListView::of).orElseThrow(() -> unknown(id));
    }

    private static void check(String id, int limit) {
        RequestChecks.userIdAndLimit(id, limit, MAX_LIMIT);
    }

    private static HttpStatusException unknown(String id) {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "unknown listener '" + abbreviate(id)
                + "' (no history, no events; POST /users/{id}/onboarding to start one)");
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
