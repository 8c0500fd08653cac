package io.melograph.recall;

import io.melograph.events.ItemCatalog;
import io.melograph.vectors.SongHit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code interest-k}: the songs nearest the listener's k-th interest of the live interest model (long-term, MIND),
 * from the in-process song index, each with the interest's name as its reason and, as its path, the listener's song
 * of that interest closest to it. Empty when no model is live, or the listener has fewer than k interests (K grows
 * with the history: max(1, min(4, log2 n))).
 */
public final class InterestChannel implements RecallChannel {
    public static final String PREFIX = "interest-";
    /** Channels registered: the model's largest number of interests. */
    public static final int CHANNELS = 4;

    private final int number;
    private final ListenerInterests interests;
    private final Function<String, ItemCatalog.SongFacts> songs;

    public InterestChannel(int number, ListenerInterests interests, Function<String, ItemCatalog.SongFacts> songs) {
        this.number = number;
        this.interests = interests;
        this.songs = songs;
    }

    /** The channels {@code interest-1..4}. */
    public static List<RecallChannel> all(ListenerInterests interests, Function<String, ItemCatalog.SongFacts> songs) {
        List<RecallChannel> out = new ArrayList<>();
        for (int k = 1; k <= CHANNELS; k++) {
            out.add(new InterestChannel(k, interests, songs));
        }
        return out;
    }

    public static boolean isInterest(String channel) {
        return channel.startsWith(PREFIX);
    }

    @Override
    public String name() {
        return PREFIX + number;
    }

    @Override
    public String description() {
        return "songs nearest the listener's interest #" + number + " of the learned interest model (MIND, knowledge-aware song vectors)";
    }

    @Override
    public List<Candidate> recall(ListenerContext context, int limit, Duration budget) {
        Optional<ServedInterests> live = interests.live().served();
        Optional<ListenerInterests.Interests> mine = interests.of(context.userId());
        if (live.isEmpty() || mine.isEmpty() || mine.get().interests().size() < number || limit <= 0) {
            return List.of();
        }
        ServedInterests m = live.get();
        ListenerInterests.Interest interest = mine.get().interests().get(number - 1);
        Set<Integer> excluded = new HashSet<>();
        for (List<String> ids : List.of(context.exclude(), mine.get().history())) {
            ids.stream().mapToInt(m::song).filter(s -> s >= 0).forEach(excluded::add);
        }
        String reason = mine.get().interests().size() == 1
                ? "Close to your taste" + (interest.artists().isEmpty() ? "" : " for *" + String.join("* and *", interest.artists()) + "*")
                : "From " + interest.label();
        List<Candidate> out = new ArrayList<>();
        for (SongHit hit : m.nearest(interest.vector(), limit, excluded::contains)) {
            ItemCatalog.SongFacts facts = songs.apply(hit.id());
            String closest = closestOf(m, interest.songs(), hit.song());
            out.add(new Candidate(hit.id(), "song", facts == null || facts.title() == null ? hit.id() : facts.title(), hit.score(), name(), reason,
                    closest == null ? List.of(hit.id()) : List.of(closest, hit.id())));
        }
        return out;
    }

    /** The interest's song closest to the candidate (the path's seed), or null when it has none. */
    private static String closestOf(ServedInterests m, List<String> members, int candidate) {
        float[] c = m.model().songVector(candidate);
        String best = null;
        float bestScore = Float.NEGATIVE_INFINITY;
        for (String id : members) {
            int s = m.song(id);
            if (s >= 0) {
                float score = m.score(c, s);
                if (score > bestScore) {
                    bestScore = score;
                    best = id;
                }
            }
        }
        return best;
    }
}
