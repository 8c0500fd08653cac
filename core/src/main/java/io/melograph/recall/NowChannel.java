package io.melograph.recall;

import io.melograph.events.ItemCatalog;
import io.melograph.interest.NowModel;
import io.melograph.interest.NowSteps;
import io.melograph.vectors.SongHit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code interest-now}: the songs nearest the listener's short-term interest (the real-time model over their latest
 * plays, how each ended and how long ago), in the short-term space's own index. It moves with every event: a skip or a
 * like changes the next answer with no graph access. The reason names the play that counted most.
 */
public final class NowChannel implements RecallChannel {
    public static final String NAME = "interest-now";

    private final ListenerInterests interests;
    private final Function<String, ItemCatalog.SongFacts> songs;

    public NowChannel(ListenerInterests interests, Function<String, ItemCatalog.SongFacts> songs) {
        this.interests = interests;
        this.songs = songs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "songs nearest the listener's interest right now (self-attention over the latest plays, skips and likes; learned)";
    }

    @Override
    public List<Candidate> recall(ListenerContext context, int limit, Duration budget) {
        Optional<ServedInterests> live = interests.live().served();
        Optional<ListenerInterests.Now> now = interests.now(context.userId());
        if (live.isEmpty() || now.isEmpty() || limit <= 0) {
            return List.of();
        }
        ServedInterests m = live.get();
        NowModel.Now n = now.get().now();
        Set<Integer> excluded = new HashSet<>();
        context.exclude().stream().mapToInt(m::song).filter(s -> s >= 0).forEach(excluded::add);
        n.steps().stream().mapToInt(s -> m.song(s.song())).forEach(excluded::add); // the latest plays themselves
        NowSteps.Step because = strongest(n);
        String reason = because == null ? "For what you are into right now" : "Because you just " + verb(because.outcome()) + " *"
                + title(because.song()) + "*" + by(because.song());
        List<Candidate> out = new ArrayList<>();
        for (SongHit hit : m.nearestNow(n.vector(), limit, excluded::contains)) {
            out.add(new Candidate(hit.id(), "song", title(hit.id()), hit.score(), NAME, reason,
                    because == null ? List.of(hit.id()) : List.of(because.song(), hit.id())));
        }
        return out;
    }

    /** The play the attention weighed most among those the listener did not turn away from; null when all were. */
    private static NowSteps.Step strongest(NowModel.Now n) {
        NowSteps.Step best = null;
        float weight = -1;
        for (int j = 0; j < n.steps().size(); j++) {
            NowSteps.Step s = n.steps().get(j);
            if (s.outcome() != NowSteps.SKIPPED && s.outcome() != NowSteps.DISLIKED && n.attention()[j] > weight) {
                weight = n.attention()[j];
                best = s;
            }
        }
        return best;
    }

    private static String verb(int outcome) {
        return switch (outcome) {
            case NowSteps.COMPLETED -> "finished";
            case NowSteps.LIKED -> "liked";
            default -> "played";
        };
    }

    private String title(String id) {
        ItemCatalog.SongFacts f = songs.apply(id);
        return f == null || f.title() == null ? id : f.title();
    }

    private String by(String id) {
        ItemCatalog.SongFacts f = songs.apply(id);
        return f == null || f.artistNames().isEmpty() ? "" : " by *" + f.artistNames().get(0) + "*";
    }
}
