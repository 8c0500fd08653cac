package io.melograph.api;

import io.melograph.events.EventIntake;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ItemType;
import io.melograph.events.ListenerState;
import io.melograph.recall.InterestChannel;
import io.melograph.recall.ListenerInterests;
import io.melograph.scene.ActiveListeners;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Listener-facing reads. */
@Controller("/users")
@Access(Access.Level.APP)
@SecurityRequirement(name = "eventsToken")
final class UsersController {
    static final int MAX_LISTENERS = 100;
    private final EventIntake intake;
    private final ItemCatalog catalog;
    private final ActiveListeners active;
    private final ListenerInterests interests;

    UsersController(EventIntake intake, ItemCatalog catalog, ActiveListeners active, ListenerInterests interests) {
        this.intake = intake;
        this.catalog = catalog;
        this.active = active;
        this.interests = interests;
    }

    @Operation(summary = "A listener's interests from the live interest model (the interest-1..K recall channels)",
            description = "Computed from the songs the listener finished, liked, saved or shared (long-term favourites, then the "
                    + "latest); each named by the commonest artists and genres of its songs. 404 while no interest model is "
                    + "live or the model knows none of the listener's songs.")
    @Get("/{id}/interests")
    @ExecuteOn(TaskExecutors.BLOCKING)
    InterestsView interests(@PathVariable String id, @QueryValue(defaultValue = "10") int limit) {
        RequestChecks.userIdAndLimit(id, limit, 50);
        ListenerInterests.Interests mine = interests.of(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                interests.live().served().isEmpty() ? "no interest model is live yet (melograph train interests)"
                        : "the interest model knows none of the songs of user '" + id + "'"));
        List<InterestsView.Interest> out = new ArrayList<>();
        for (ListenerInterests.Interest i : mine.interests()) {
            List<InterestsView.Song> list = i.songs().stream().limit(limit).map(s -> {
                ItemCatalog.SongFacts f = catalog.song(s);
                return new InterestsView.Song(s, f == null ? null : f.title());
            }).toList();
            out.add(new InterestsView.Interest(InterestChannel.PREFIX + i.number(), i.label(), i.artists(), i.genres(), list));
        }
        return new InterestsView(id, mine.version(), mine.history().size(), out);
    }

    @Operation(summary = "The most active listeners (most plays first): the listener console's suggestions",
            description = "Plays are the aggregated LISTENED counts; simulated listeners of the demo community say so.")
    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    ConsoleViews.Listeners listeners(@QueryValue(defaultValue = "20") int limit) {
        RequestChecks.limit(limit, MAX_LISTENERS);
        return new ConsoleViews.Listeners(active.top(limit).stream()
                .map(l -> new ConsoleViews.Listener(l.id(), l.name(), l.plays(), l.songs(), l.simulated())).toList());
    }

    @Operation(summary = "A listener's live activity: recent actions with titles, current session, short-term affinities",
            description = "Reflects every acknowledged event at once (no batch in between).")
    @Get("/{id}/activity")
    ActivityView activity(@PathVariable String id, @QueryValue(defaultValue = "50") int limit) {
        RequestChecks.userIdAndLimit(id, limit, ListenerState.RECENT);
        ListenerState state = intake.states().get(id)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no recent activity of user '" + id
                        + "' (live state is kept for the most recently active listeners; their history is in the graph)"));
        List<ActivityView.Item> recent = new ArrayList<>();
        Map<String, String> artistNames = new HashMap<>();
        for (ListenerState.Recent r : state.recent(limit)) {
            ItemCatalog.SongFacts song = r.itemType() == ItemType.SONG ? catalog.song(r.itemId()) : null;
            if (song != null) {
                for (int i = 0; i < song.artistIds().size(); i++) {
                    artistNames.put(song.artistIds().get(i), song.artistNames().get(i));
                }
            }
            recent.add(new ActivityView.Item(r.itemId(), r.itemType().wire(), song == null ? null : song.title(),
                    song == null ? List.of() : song.artistNames(), r.action().wire(), r.scene(), Instant.ofEpochMilli(r.ts()).toString()));
        }
        ListenerState.Session s = state.session();
        ActivityView.Session session = s == null ? null : new ActivityView.Session(s.number(), Instant.ofEpochMilli(s.start()).toString(),
                Instant.ofEpochMilli(s.last()).toString(), s.plays(), s.completes(), s.skips(), s.likes());
        List<ActivityView.Affinity> artists = new ArrayList<>();
        state.artistAffinities(10).forEach((a, score) -> artists.add(new ActivityView.Affinity(a, artistNames.get(a), score)));
        List<ActivityView.Affinity> genres = new ArrayList<>();
        state.genreAffinities(10).forEach((g, score) -> genres.add(new ActivityView.Affinity(g, g, score)));
        return new ActivityView(id, state.events(), session, recent, artists, genres);
    }
}
