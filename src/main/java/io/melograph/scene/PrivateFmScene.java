package io.melograph.scene;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.EventIntake;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ItemType;
import io.melograph.events.ListenerState;
import io.melograph.recall.Fusion;
import io.melograph.recall.ListenerContext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Private FM: an endless radio, one song at a time. A session keeps a pool of fused candidates (built from the
 * listener's history and live session, or onboarding choices, or what is popular for a cold listener); each request
 * reads the listener's newest events first, so a skip, like, dislike or complete changes the very next answer
 * ({@link FmSession} says how), then ranks the pool, weighs it by the session's feedback, and never repeats a song
 * within the session. A like also starts an exploration around the liked song whose candidates join the pool. Every
 * answer is recorded as an impression event (scene {@code fm}).
 */
public final class PrivateFmScene {
    public static final String SCENE = "fm";
    /** A session ends after this long without a request or an event. */
    static final long IDLE_MS = ListenerState.SESSION_GAP_MS;
    /** Below this many playable candidates the pool is rebuilt. */
    static final int POOL_LOW = 10;
    static final int POOL_SIZE = 300;
    /** Weight of candidates found around a song liked in this session. */
    static final double EXPLORE_BOOST = 2.0;

    private final SceneKit kit;
    private final SceneRecall sceneRecall;
    private final ListenerHistory history;
    private final Picks picks;
    private final ItemCatalog catalog;
    private final EventIntake intake;
    private final ScenePolicy policy;
    private final ConcurrentHashMap<String, FmSession> sessions = new ConcurrentHashMap<>();
    /** One request per listener at a time; requests of different listeners run in parallel. */
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public PrivateFmScene(SceneKit kit, ItemCatalog catalog, EventIntake intake, ScenePolicy policy) {
        this.kit = kit;
        this.sceneRecall = kit.sceneRecall();
        this.history = kit.history();
        this.picks = kit.picks();
        this.catalog = catalog;
        this.intake = intake;
        this.policy = policy;
    }

    /**
     * The next song for the listener, or empty when the listener is unknown (no history, no events, no onboarding).
     *
     * @param adaptive false to ignore feedback (experiments: the same radio without adaptation)
     */
    public Optional<FmNext> next(String userId, boolean adaptive, long now) {
        Optional<ListenerState> state = intake.states().get(userId);
        synchronized (locks.computeIfAbsent(userId, k -> new Object())) {
            FmSession session = sessions.get(userId);
            // switching between adaptive and not starts afresh, so the two radios of an experiment never share a session
            if (session == null || now - session.lastActive > IDLE_MS || session.adaptive != adaptive) {
                Optional<FmSession> started = start(userId, adaptive, state.map(ListenerState::events).orElse(0L), now);
                if (started.isEmpty()) {
                    return Optional.empty();
                }
                session = started.get();
                sessions.put(userId, session);
            }
            session.lastActive = now;
            FmSession s = session;
            state.ifPresent(st -> readFeedback(s, st));
            if (adaptive && !session.toExplore.isEmpty()) {
                explore(session);
            }
            Optional<Pick> pick = choose(session, adaptive, now);
            if (pick.isEmpty()) {
                refill(session);
                pick = choose(session, adaptive, now);
            }
            if (pick.isEmpty()) {
                return Optional.of(answer(session, null, adaptive));
            }
            session.served.add(pick.get().id());
            session.position++;
            kit.ranker().served(userId, now, List.of(session.pool.get(pick.get().id())));
            recordImpression(userId, pick.get().id(), now);
            if (remaining(session) < POOL_LOW) {
                refill(session);
            }
            return Optional.of(answer(session, pick.get(), adaptive));
        }
    }

    private Optional<FmSession> start(String userId, boolean adaptive, long eventsSoFar, long now) {
        Optional<ListenerHistory.Facts> facts = history.of(userId);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        FmSession s = new FmSession(userId, eventsSoFar, now);
        s.adaptive = adaptive;
        s.disliked.addAll(facts.get().disliked());
        fill(s, facts.get());
        return Optional.of(s);
    }

    /** Builds the pool afresh (what was served stays served). */
    private void refill(FmSession s) {
        history.of(s.userId).ifPresent(f -> {
            s.disliked.addAll(f.disliked());
            fill(s, f);
        });
    }

    private void fill(FmSession s, ListenerHistory.Facts facts) {
        ListenerContext ctx = context(s, facts);
        Set<String> leaveOut = leaveOut(s);
        SceneRecall.Recalled r = sceneRecall.recall(policy, ctx, leaveOut, POOL_SIZE);
        if (r.candidates().size() < POOL_LOW && !r.fallback()) {
            List<Fusion.Fused> more = new ArrayList<>(r.candidates());
            more.addAll(sceneRecall.popular(leaveOut, POOL_SIZE));
            r = new SceneRecall.Recalled(more, r.status(), false);
        }
        s.pool.clear();
        r.candidates().forEach(f -> s.pool.putIfAbsent(f.itemId(), f));
        s.channels = r.status();
        s.fallback = r.fallback();
    }

    private ListenerContext context(FmSession s, ListenerHistory.Facts facts) {
        ListenerContext ctx = kit.context(s.userId, facts);
        List<ListenerContext.Seed> songs = Stream.concat(s.liked.stream(), ctx.songs().stream()).distinct().limit(12).toList();
        List<ListenerContext.Seed> artists = ctx.artists();
        List<String> exclude = new ArrayList<>(ctx.exclude());
        exclude.addAll(s.served);
        return new ListenerContext(s.userId, songs, artists, exclude, ctx.watched());
    }

    private Set<String> leaveOut(FmSession s) {
        Set<String> out = new HashSet<>(s.served);
        out.addAll(s.disliked);
        return out;
    }

    /** Candidates around the songs liked since the last request, added to the pool. */
    private void explore(FmSession s) {
        List<ListenerContext.Seed> seeds = List.copyOf(s.toExplore);
        s.toExplore.clear();
        ListenerContext ctx = new ListenerContext(s.userId, seeds, List.of(), new ArrayList<>(s.served));
        SceneRecall.Recalled r = sceneRecall.recall(policy, ctx, leaveOut(s), POOL_SIZE / 3);
        if (!r.fallback()) {
            for (Fusion.Fused f : r.candidates()) {
                s.pool.merge(f.itemId(), f, (old, add) -> {
                    List<Fusion.Fused.Part> parts = new ArrayList<>(add.parts());
                    parts.addAll(old.parts());
                    return new Fusion.Fused(old.itemId(), old.itemType(), old.name(), parts);
                });
            }
        }
    }

    /**
     * The listener's events since the last request, oldest first. Counted, not timed: apps and the simulator send
     * their own clocks' timestamps.
     */
    private void readFeedback(FmSession s, ListenerState st) {
        long total = st.events();
        int fresh = (int) Math.min(ListenerState.RECENT, total - s.eventsSeen);
        s.eventsSeen = total;
        if (fresh <= 0) {
            return;
        }
        List<ListenerState.Recent> newest = new ArrayList<>(st.recent(fresh));
        java.util.Collections.reverse(newest);
        for (ListenerState.Recent r : newest) {
            if (r.itemType() != ItemType.SONG) {
                continue;
            }
            if (r.action() != Action.IMPRESSION) {
                s.served.add(r.itemId()); // heard it: no repeat in this session
            }
            ItemCatalog.SongFacts f = catalog.song(r.itemId());
            s.feedback(r.action(), r.itemId(), f == null ? r.itemId() : f.title(), f == null ? List.of() : f.artistIds(),
                    f == null ? List.of() : f.artistNames(), f == null ? List.of() : f.genres());
        }
    }

    private int remaining(FmSession s) {
        return (int) s.pool.keySet().stream().filter(id -> !s.served.contains(id) && !s.disliked.contains(id)).count();
    }

    /** The best playable candidate: ranker score × the session's feedback weights (when adaptive). */
    private Optional<Pick> choose(FmSession s, boolean adaptive, long now) {
        List<Fusion.Fused> playable = s.pool.values().stream()
                .filter(f -> !s.served.contains(f.itemId()) && !s.disliked.contains(f.itemId())).toList();
        if (playable.isEmpty()) {
            return Optional.empty();
        }
        double[] scores = kit.ranker().score(s.userId, SCENE, s.position, now, playable);
        Set<String> likedIds = new HashSet<>();
        s.liked.forEach(l -> likedIds.add(l.id()));
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < playable.size(); i++) {
            Fusion.Fused f = playable.get(i);
            double score = scores[i];
            if (adaptive) {
                score *= s.multiplier(picks.artistIds(f.itemId()), picks.genres(f.itemId()));
                if (f.parts().stream().anyMatch(p -> !p.path().isEmpty() && likedIds.contains(p.path().get(0)))) {
                    score *= EXPLORE_BOOST;
                }
            }
            if (score > 0 && (best < 0 || score > bestScore)) {
                best = i;
                bestScore = score;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        Fusion.Fused chosen = playable.get(best);
        if (adaptive && likedIds.size() > 0) {
            // put the exploration's reason first when it is what brought this song
            List<Fusion.Fused.Part> parts = new ArrayList<>(chosen.parts());
            parts.sort((a, b) -> Boolean.compare(!a.path().isEmpty() && likedIds.contains(a.path().get(0)),
                    !b.path().isEmpty() && likedIds.contains(b.path().get(0))) * -1);
            chosen = new Fusion.Fused(chosen.itemId(), chosen.itemType(), chosen.name(), parts);
        }
        return Optional.of(picks.of(chosen, bestScore, false));
    }

    private void recordImpression(String userId, String songId, long now) {
        Event impression = new Event(UUID.randomUUID().toString(), userId, songId, ItemType.SONG, Action.IMPRESSION,
                Event.UNKNOWN, Event.UNKNOWN, SCENE, now);
        intake.accept(List.of(impression)); // durable shortly; the answer does not wait for the disk
    }

    private FmNext answer(FmSession s, Pick pick, boolean adaptive) {
        return new FmNext(s.userId, s.startedAt, s.position, pick, Map.copyOf(s.channels), s.fallback,
                adaptive ? s.avoiding() : List.of(), adaptive ? s.liked.stream().map(ListenerContext.Seed::name).toList() : List.of(),
                adaptive);
    }

    /** Sessions held now (for stats). */
    public int sessions() {
        return sessions.size();
    }
}
