package io.melograph.recall;

import io.melograph.events.ItemCatalog;
import io.melograph.events.ListenerState;
import io.melograph.events.ListenerStates;
import io.melograph.interest.ListeningHistory;
import io.melograph.interest.NowModel;
import io.melograph.interest.NowSteps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A listener's interests from the live interest model: the history they come from (the songs the listener took to,
 * oldest first: the long-term favourites by fondness, then what they finished, liked, saved or shared lately), and
 * for each interest the history songs closest to it and a name from those songs' artists and genres. Remembered per
 * listener until their history or the model version changes.
 */
public final class ListenerInterests {
    /** Artists and genres named per interest. */
    static final int NAMED = 2;
    private static final int REMEMBERED = 10_000;

    /** One interest: its vector, the history songs closest to it (latest first), their commonest artists and genres. */
    public record Interest(int number, float[] vector, List<String> songs, List<String> artists, List<String> genres) {
        /** "your *rock* side: like *Oasis* and *Blur*" (the genre only when the songs have one). */
        public String label() {
            String like = artists.isEmpty() ? "" : "like *" + String.join("* and *", artists) + "*";
            String side = genres.isEmpty() ? "one side of your taste" : "your *" + genres.get(0) + "* side";
            return like.isEmpty() ? side : side + ": " + like;
        }
    }

    /** The interests of one listener from one model version and history. */
    public record Interests(String version, List<String> history, List<Interest> interests) {}

    /** A listener's latest plays (oldest first), the time of their latest event, and how many events they had. */
    public record Plays(List<NowSteps.Step> steps, long latest, long events) {}

    /** The short-term interest of one listener from one model version after a number of events. */
    public record Now(String version, long events, NowModel.Now now) {}

    private final LiveInterests live;
    private final Function<String, List<String>> history;
    private final Function<String, ItemCatalog.SongFacts> songs;
    private final Function<String, Optional<Plays>> plays;
    private final Map<String, Now> rememberedNow = latest();
    private final Map<String, Interests> remembered = latest();

    /**
     * @param history a listener's songs, oldest first ({@link #history})
     * @param plays   a listener's latest plays ({@link #plays}), for the short-term interest
     * @param songs   a song's artists and genres (the event catalog)
     */
    public ListenerInterests(LiveInterests live, Function<String, List<String>> history, Function<String, Optional<Plays>> plays,
                             Function<String, ItemCatalog.SongFacts> songs) {
        this.live = live;
        this.history = history;
        this.plays = plays;
        this.songs = songs;
    }

    /** The latest plays of the live state (the last {@value ListenerState#RECENT} events of the listener). */
    public static Function<String, Optional<Plays>> plays(ListenerStates states) {
        return userId -> states.get(userId).map(s -> {
            List<ListenerState.Recent> recent = s.recent(ListenerState.RECENT);
            NowSteps steps = new NowSteps();
            for (int i = recent.size() - 1; i >= 0; i--) { // oldest first
                ListenerState.Recent r = recent.get(i);
                steps.add(r.itemId(), r.itemType(), r.action(), r.ts());
            }
            return new Plays(steps.steps(), s.newest(), s.events());
        });
    }

    /**
     * The listener's interest right now: the short-term model over their latest plays, recency counted back from their
     * latest event (as in training, from just before the next play). Computed again after every event, from memory only.
     */
    public Optional<Now> now(String userId) {
        Optional<ServedInterests> model = live.served();
        if (userId == null || model.isEmpty() || model.get().now().isEmpty()) {
            return Optional.empty();
        }
        ServedInterests m = model.get();
        Optional<Plays> p = plays.apply(userId);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        synchronized (rememberedNow) {
            Now known = rememberedNow.get(userId);
            if (known != null && known.version().equals(m.version()) && known.events() == p.get().events()) {
                return Optional.of(known);
            }
        }
        NowModel.Now vector = m.now().get().now(p.get().steps(), p.get().latest(), m::song);
        if (vector == null) {
            return Optional.empty();
        }
        Now result = new Now(m.version(), p.get().events(), vector);
        synchronized (rememberedNow) {
            rememberedNow.put(userId, result);
        }
        return Optional.of(result);
    }

    /** The songs an interest is computed from (the model reads its own window of the latest). */
    static final int HISTORY = 50;

    /**
     * Listeners' interests over the live model, their live state and profiles, and the event catalog's song facts, as
     * the service and the replay evaluation both wire them.
     */
    public static ListenerInterests of(LiveInterests live, ListenerStates states, ListenerProfiles profiles, ItemCatalog catalog) {
        return new ListenerInterests(live, history(states, profiles, HISTORY), plays(states), catalog::song);
    }

    /** Adds the channels reading these interests to recall: {@code interest-1..4} and {@code interest-now}. */
    public void addChannelsTo(RecallService recall) {
        InterestChannel.all(this, songs).forEach(recall::add);
        recall.add(new NowChannel(this, songs));
    }

    /** The history recall uses: long-term favourites by fondness (strongest last), then the live state's songs taken to. */
    public static Function<String, List<String>> history(ListenerStates states, ListenerProfiles profiles, int window) {
        return userId -> {
            List<String> lately = new ArrayList<>();
            states.get(userId).ifPresent(s -> {
                List<ListenerState.Recent> recent = s.recent(ListenerState.RECENT);
                for (int i = recent.size() - 1; i >= 0; i--) { // oldest first
                    ListenerState.Recent r = recent.get(i);
                    if (ListeningHistory.takesTo(r.itemType(), r.action())
                            && (lately.isEmpty() || !lately.get(lately.size() - 1).equals(r.itemId()))) {
                        lately.add(r.itemId());
                    }
                }
            });
            Set<String> late = Set.copyOf(lately);
            List<String> out = new ArrayList<>();
            if (lately.size() < window) {
                profiles.of(userId).ifPresent(p -> p.heard().values().stream().filter(h -> h.fondness() > 0 && !late.contains(h.id()))
                        .sorted(Comparator.comparingDouble(ListenerProfile.Heard::fondness).thenComparing(ListenerProfile.Heard::id))
                        .map(ListenerProfile.Heard::id).forEach(out::add));
            }
            out.addAll(lately);
            return out.size() > window ? List.copyOf(out.subList(out.size() - window, out.size())) : out;
        };
    }

    /** The listener's interests; empty while no model is live or the listener has no song the model knows. */
    public Optional<Interests> of(String userId) {
        Optional<ServedInterests> model = live.served();
        if (userId == null || model.isEmpty()) {
            return Optional.empty();
        }
        ServedInterests m = model.get();
        List<String> h = history.apply(userId);
        synchronized (remembered) {
            Interests known = remembered.get(userId);
            if (known != null && known.version().equals(m.version()) && known.history().equals(h)) {
                return Optional.of(known);
            }
        }
        float[][] vectors = m.interests(h);
        if (vectors.length == 0) {
            return Optional.empty();
        }
        List<Set<String>> members = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            members.add(new LinkedHashSet<>());
        }
        for (int j = h.size() - 1; j >= 0; j--) { // latest first
            int song = m.song(h.get(j));
            if (song >= 0) {
                members.get(m.model().closestInterest(vectors, song)).add(h.get(j));
            }
        }
        List<Map<String, Integer>> artists = new ArrayList<>();
        List<Map<String, Integer>> genres = new ArrayList<>();
        Map<String, Integer> allGenres = new HashMap<>();
        for (Set<String> ids : members) {
            Map<String, Integer> a = new HashMap<>();
            Map<String, Integer> g = new HashMap<>();
            for (String id : ids) {
                ItemCatalog.SongFacts f = songs.apply(id);
                if (f != null) {
                    new LinkedHashSet<>(f.artistNames()).forEach(x -> a.merge(x, 1, Integer::sum));
                    new LinkedHashSet<>(f.genres()).forEach(x -> g.merge(x, 1, Integer::sum));
                }
            }
            g.forEach((x, c) -> allGenres.merge(x, c, Integer::sum));
            artists.add(a);
            genres.add(g);
        }
        int all = members.stream().mapToInt(Set::size).sum();
        List<Interest> out = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            int size = Math.max(1, members.get(i).size());
            // a genre names the interest by how much more of its songs have it than the listener's songs overall:
            // "Rock" on every side of a rock fan names none of them
            Map<String, Double> lift = new HashMap<>();
            genres.get(i).forEach((x, c) -> lift.put(x, (double) c / size - (double) allGenres.get(x) / Math.max(1, all) + c * 1e-6));
            out.add(new Interest(i + 1, vectors[i], List.copyOf(members.get(i)), commonest(artists.get(i)), commonest(lift)));
        }
        Interests result = new Interests(m.version(), List.copyOf(h), List.copyOf(out));
        synchronized (remembered) {
            remembered.put(userId, result);
        }
        return Optional.of(result);
    }

    /** The {@value #REMEMBERED} listeners used last (access order): a listener's answer kept while they are active. */
    private static <V> Map<String, V> latest() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    private static <N extends Comparable<N>> List<String> commonest(Map<String, N> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, N>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(NAMED).map(Map.Entry::getKey).toList();
    }

    public LiveInterests live() {
        return live;
    }
}
