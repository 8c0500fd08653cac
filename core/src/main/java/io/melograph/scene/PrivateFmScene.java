package io.melograph.scene;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.EventIntake;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ItemType;
import io.melograph.events.ListenerState;
import io.melograph.recall.Fusion;
import io.melograph.recall.ListenerContext;
import io.melograph.recall.ListenerProfile;
import io.melograph.recall.ListenerProfiles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Private FM: an endless radio, one song at a time. A session keeps a pool of fused candidates (built from the
 * listener's history and live session, or onboarding choices, or what is popular for a cold listener); each request
 * reads the listener's newest events first, so a skip, like, dislike or complete changes the very next answer
 * ({@link FmSession} and {@link SessionTaste} say how), then ranks the pool, weighs it by the session's feedback, and never repeats a song
 * within the session. Every answer is recorded as an impression event (scene {@code fm}).
 * <p>
 * A session lives in the process that answers, but what it is made of is in the event log: a process with no session
 * for a listener whose radio was playing in their listening session still going (an fm impression in it, the last
 * event within {@link #IDLE_MS}) carries it on from the log — the songs served (impressions) and heard are not
 * repeated, the feedback is learned again, the position continues — so any instance of a split deployment can answer
 * the next request (another instance, or this one restarted). The log does not say in which mode the radio played.
 * <p>
 * Recall stays off the request path where it can: the pool is refilled in the background before it runs low, and a
 * complete or like starts an exploration around the song whose candidates join the pool (a request right after a
 * like waits for it a little, so the like shows at once). Only a session's first request recalls while the listener
 * waits; a pool used up before its refill came is stood in for by popular songs until the refill comes. A pool that
 * came from the popularity fallback or from fewer than half of the channels is recalled again in the background at
 * once, with longer budgets (under load, channels time out on the request path that answer there).
 */
public final class PrivateFmScene {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFmScene.class);
    public static final String SCENE = "fm";
    /** A session ends after this long without a request or an event. */
    static final long IDLE_MS = ListenerState.SESSION_GAP_MS;
    static final int POOL_SIZE = 300;
    /** Below this many playable candidates a refill starts in the background (spaced out: {@link FmSession#refillSpacing}). */
    static final int REFILL_AHEAD = 100;
    /** Below this many playable candidates a background refill starts whatever the spacing. */
    static final int REFILL_SOON = 30;
    /** Popular songs topping up a short pool weigh this much against recalled ones. */
    static final double POPULAR_FILL_WEIGHT = 0.01;
    /** Every this many session starts, sessions idle beyond {@link #IDLE_MS} are dropped. */
    static final int EVICT_EVERY = 500;

    private final SceneKit kit;
    private final SceneRecall sceneRecall;
    private final ListenerProfiles profiles;
    private final Picks picks;
    private final ItemCatalog catalog;
    private final EventIntake intake;
    /** How each A/B arm recalls the session's pool. */
    private final SceneArms<ScenePolicy> policies;
    /** The same channels for refills in the background, with budgets no listener waits for. */
    private final SceneArms<ScenePolicy> refillPolicies;
    private final ScenePolicy explorePolicy;
    private final Executor background;
    /** How long a request right after a like waits for the exploration around the liked song. */
    private final long likeWaitMs;
    private final ConcurrentHashMap<String, FmSession> sessions = new ConcurrentHashMap<>();
    /** One request per listener at a time; requests of different listeners run in parallel. */
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong refillsAhead = new AtomicLong();
    private final AtomicLong ranDry = new AtomicLong();
    private final AtomicLong explorations = new AtomicLong();

    /**
     * @param policy           how the session's pool is recalled (at a session start, while the listener waits)
     * @param explorePolicy    how an exploration around one song recalls
     * @param background       runs refills and explorations (a bounded pool; a refused task is tried again later)
     * @param backgroundBudget the least time budget of a channel in background recall: under load, channels that
     *                         the request path would give up on still answer there
     */
    public PrivateFmScene(SceneKit kit, ItemCatalog catalog, EventIntake intake, ScenePolicy policy, ScenePolicy explorePolicy,
                          Executor background, Duration backgroundBudget) {
        this(kit, catalog, intake, SceneArms.single(SCENE, policy), explorePolicy, background, backgroundBudget);
    }

    /** A Private FM whose listeners are split into A/B arms, each recalling with its own policy. */
    public PrivateFmScene(SceneKit kit, ItemCatalog catalog, EventIntake intake, SceneArms<ScenePolicy> policies,
                          ScenePolicy explorePolicy, Executor background, Duration backgroundBudget) {
        this.kit = kit;
        this.sceneRecall = kit.sceneRecall();
        this.profiles = kit.profiles();
        this.picks = kit.picks();
        this.catalog = catalog;
        this.intake = intake;
        this.policies = policies;
        this.refillPolicies = policies.map(p -> p.withBudgetsAtLeast(backgroundBudget));
        this.explorePolicy = explorePolicy.withBudgetsAtLeast(backgroundBudget);
        this.background = background;
        this.likeWaitMs = explorePolicy.defaultBudget().toMillis() + 100; // the configured budget, not the background one
    }

    /**
     * The next song for the listener, or empty when the listener is unknown (no history, no events, no onboarding).
     *
     * @param adaptive false to ignore feedback (experiments: the same radio without adaptation)
     */
    public Optional<FmNext> next(String userId, boolean adaptive, long now) {
        Optional<ListenerState> state = intake.states().get(userId);
        Object lock = lock(userId);
        FmSession session;
        CompletableFuture<Void> exploration = null;
        boolean newLike;
        synchronized (lock) {
            session = sessions.get(userId);
            // switching between adaptive and not starts afresh, so the two radios of an experiment never share a session
            if (session == null || now - session.lastActive > IDLE_MS || session.adaptive != adaptive) {
                // no session here at all: the listener's may have been served by another instance
                ListenerState.Ongoing ongoing = state.map(st -> st.ongoing(now, IDLE_MS)).orElse(new ListenerState.Ongoing(List.of(), 0));
                Optional<FmSession> started = start(userId, adaptive, state, session == null ? carried(ongoing) : List.of(),
                        ongoing.total(), now);
                if (started.isEmpty()) {
                    return Optional.empty();
                }
                session = started.get();
                sessions.put(userId, session);
                if (this.started.get() % EVICT_EVERY == 0) {
                    evictIdle(now);
                }
            }
            session.lastActive = now;
            int likedBefore = session.liked.size();
            FmSession s = session;
            state.ifPresent(st -> readFeedback(s, st));
            newLike = session.liked.size() > likedBefore;
            // explorations cost a recall: after a like at once, after completes at most every few songs; a pool
            // about to run dry is refilled first
            if (adaptive && session.toExplore && (newLike || session.position - session.exploredAt >= FmSession.EXPLORE_SPACING)
                    && remaining(session) >= REFILL_SOON) {
                exploration = inBackground(session, lock, this::explore);
                if (exploration != null) {
                    session.toExplore = false;
                    session.exploredAt = session.position;
                }
            }
        }
        if (exploration != null && newLike) {
            await(exploration); // outside the lock: the exploration merges its candidates under it
        }
        synchronized (lock) {
            Optional<Pick> pick = choose(session, adaptive, false, now);
            if (pick.isEmpty()) {
                boolean dry = remaining(session) == 0; // else the session dropped every song left (or they scored 0)
                if (dry) {
                    ranDry.incrementAndGet();
                }
                standIn(session, dry);
                pick = choose(session, adaptive, false, now);
            }
            if (pick.isEmpty()) {
                // a radio plays the least bad song left rather than fall silent (SessionTaste.leastBad)
                pick = choose(session, adaptive, true, now);
            }
            if (pick.isEmpty()) {
                return Optional.of(answer(session, null, adaptive));
            }
            session.served.add(pick.get().id());
            session.position++;
            kit.ranker().served(userId, SCENE, now, List.of(session.pool.get(pick.get().id())));
            recordImpression(userId, pick.get().id(), now);
            if (refillDue(session)) {
                boolean ad = adaptive;
                if (inBackground(session, lock, copy -> {
                    refillsAhead.incrementAndGet();
                    Refill p = recallPool(copy, ad, refillPolicies.of(copy.userId));
                    return s -> install(s, p);
                }) != null) {
                    session.refilledAt = session.position;
                }
            }
            return Optional.of(answer(session, pick.get(), adaptive));
        }
    }

    private Object lock(String userId) {
        return locks.computeIfAbsent(userId, k -> new Object());
    }

    /**
     * Popular songs (or other catalog songs) the listener has not heard in this session join the pool (no recall while
     * the listener waits). A pool that ran dry before its refill came then counts as degraded, so that a refill starts
     * with this answer; a pool whose songs the session all dropped does not, since a refill would bring the same.
     */
    private void standIn(FmSession s, boolean ranDry) {
        for (Fusion.Fused f : sceneRecall.popularThenCatalog(leaveOut(s), REFILL_AHEAD)) {
            s.pool.putIfAbsent(f.itemId(), f);
        }
        s.degraded |= ranDry;
    }

    /**
     * Whether a background refill is due after this answer: every {@value FmSession#DEGRADED_SPACING} song while the
     * pool is degraded; below {@value #REFILL_AHEAD} playable songs, spaced out while refills bring little new; and
     * whatever the spacing below {@value #REFILL_SOON}, so that a listener skipping fast does not run the pool dry and
     * wait for recall.
     */
    private static boolean refillDue(FmSession s) {
        int since = s.position - s.refilledAt;
        if (s.degraded) {
            return since >= FmSession.DEGRADED_SPACING;
        }
        int left = remaining(s);
        return left < REFILL_AHEAD && (since >= s.refillSpacing || left < REFILL_SOON);
    }

    /**
     * Ended sessions leave memory (their pools are the big part); the per-listener lock objects stay, so that two
     * requests of one listener can never hold different locks.
     */
    private void evictIdle(long now) {
        sessions.values().removeIf(x -> now - x.lastActive > IDLE_MS);
    }

    /**
     * @param carried     the events of a radio session still going, oldest first: carried on (its songs served and heard
     *                    are not played again, its feedback is read before the first pool is recalled)
     * @param eventsSoFar the listener's events in all, as counted with {@code carried}
     */
    private Optional<FmSession> start(String userId, boolean adaptive, Optional<ListenerState> state, List<ListenerState.Recent> carried,
                                      long eventsSoFar, long now) {
        FmSession s = new FmSession(userId, eventsSoFar - carried.size(), carried.isEmpty() ? now : carried.get(0).ts());
        s.lastActive = now;
        s.adaptive = adaptive;
        for (ListenerState.Recent r : carried) {
            if (servedByFm(r)) {
                s.served.add(r.itemId());
                s.position++;
            }
        }
        state.ifPresent(st -> readFeedback(s, st));
        Refill pool = recallPool(s, adaptive, policies.of(userId));
        if (pool.facts() == null) {
            return Optional.empty();
        }
        install(s, pool);
        started.incrementAndGet();
        return Optional.of(s);
    }

    /** The listening session still going, if the radio played in it (an answer of this scene); else nothing. */
    private static List<ListenerState.Recent> carried(ListenerState.Ongoing ongoing) {
        return ongoing.events().stream().anyMatch(PrivateFmScene::servedByFm) ? ongoing.events() : List.of();
    }

    private static boolean servedByFm(ListenerState.Recent r) {
        return r.action() == Action.IMPRESSION && r.itemType() == ItemType.SONG && SCENE.equals(r.scene());
    }

    /**
     * Fresh candidates for a session with their ranker scores, and the history they came from (null facts: the
     * listener is unknown).
     */
    private record Refill(ListenerProfile facts, SceneRecall.Recalled recalled, CandidateRanker.Ranking ranked) {
        double[] scores() {
            return ranked.scores();
        }
    }

    /**
     * Recalls a pool for the session as it is now: the listener's history (and, when adaptive, the session's liked and
     * completed songs first) as seeds, what was served and disliked left out. Reads the session, so it runs either
     * under the session's lock or on a snapshot.
     */
    private Refill recallPool(FmSession s, boolean adaptive, ScenePolicy policy) {
        Optional<ListenerProfile> found = profiles.of(s.userId);
        if (found.isEmpty()) {
            return new Refill(null, null, null);
        }
        ListenerProfile facts = found.get();
        ListenerContext ctx = facts.context();
        List<ListenerContext.Seed> positives = adaptive ? s.explorationSeeds() : List.of();
        List<ListenerContext.Seed> songs = Stream.concat(positives.stream(), ctx.songs().stream()).distinct().limit(12).toList();
        ctx = new ListenerContext(s.userId, songs, ctx.artists(), ctx.exclude(), ctx.watched());
        Set<String> leaveOut = leaveOut(s); // served and disliked: every channel leaves them out before its cut (SceneRecall)
        leaveOut.addAll(facts.disliked());
        SceneRecall.Recalled r = sceneRecall.recall(policy, ctx, leaveOut, POOL_SIZE);
        int recalled = r.candidates().size();
        if (recalled < REFILL_AHEAD && !r.fallback()) {
            // a listener who heard most of what recall finds: popular songs keep the radio going
            List<Fusion.Fused> more = new ArrayList<>(r.candidates());
            more.addAll(sceneRecall.popularThenCatalog(leaveOut, POOL_SIZE));
            r = new SceneRecall.Recalled(more, r.status(), false);
        }
        CandidateRanker.Ranking ranked = kit.ranker().rank(s.userId, SCENE, policy.heads(), s.position, s.lastActive, r.candidates()); // the request's time
        double[] scores = ranked.scores();
        for (int i = recalled; i < scores.length; i++) {
            scores[i] *= POPULAR_FILL_WEIGHT; // after whatever recall found for this listener
        }
        return new Refill(facts, r, ranked);
    }

    /**
     * Adds a fresh pool: what was played or disliked leaves the pool, new candidates join it, and every recalled
     * candidate's score is renewed (the online model moved on since). A refill that brought few new songs (the
     * listener has heard most of what recall finds) doubles the spacing to the next one.
     */
    private static void install(FmSession s, Refill p) {
        if (p.facts() == null) {
            return;
        }
        s.disliked.addAll(p.facts().disliked());
        boolean fallback = p.recalled().fallback();
        // popular songs stood in for recall (fallback or top-up): a pool that recall answered replaces them
        s.pool.values().removeIf(f -> s.served.contains(f.itemId()) || s.disliked.contains(f.itemId())
                || !fallback && f.channels().equals(List.of(SceneRecall.POPULAR)));
        s.scores.keySet().retainAll(s.pool.keySet());
        int added = 0;
        List<Fusion.Fused> fresh = p.recalled().candidates();
        Set<String> scored = new HashSet<>();
        for (int i = 0; i < fresh.size(); i++) {
            Fusion.Fused f = fresh.get(i);
            if (s.served.contains(f.itemId()) || s.disliked.contains(f.itemId()) || !scored.add(f.itemId())) {
                continue; // played, disliked, or a popular top-up of a song recall found too: its first score counts
            }
            if (s.pool.putIfAbsent(f.itemId(), f) == null) {
                added++;
            }
            s.scores.put(f.itemId(), p.scores()[i]);
        }
        s.refillSpacing = added < FmSession.REFILL_SPACING ? Math.min(s.refillSpacing * 2, FmSession.MAX_REFILL_SPACING)
                : FmSession.REFILL_SPACING;
        s.channels = p.ranked().named(p.recalled().status());
        s.fallback = fallback;
        s.degraded = p.recalled().degraded();
    }

    private static Set<String> leaveOut(FmSession s) {
        Set<String> out = new HashSet<>(s.served);
        out.addAll(s.disliked);
        return out;
    }

    /**
     * Runs {@code work} on a copy of the session in the background and applies what it returns to the session under
     * its lock. One task per session at a time: when one is running (or the pool refuses it), nothing starts and
     * null is returned; the caller's trigger stays set and fires again on a later request.
     */
    private CompletableFuture<Void> inBackground(FmSession s, Object lock, Function<FmSession, Consumer<FmSession>> work) {
        if (s.busy) {
            return null;
        }
        s.busy = true;
        FmSession copy = s.snapshot();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            background.execute(() -> {
                Consumer<FmSession> apply = x -> { };
                try {
                    apply = work.apply(copy);
                } catch (RuntimeException e) {
                    LOG.warn("Private FM background recall for {} failed: {}", s.userId, e.toString());
                } finally {
                    synchronized (lock) {
                        try {
                            apply.accept(s);
                        } finally {
                            s.busy = false;
                            done.complete(null);
                        }
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            s.busy = false;
            return null;
        }
        return done;
    }

    private void await(CompletableFuture<Void> f) {
        try {
            f.get(likeWaitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the exploration joins the pool when it comes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // logged by the task
        }
    }

    /** Candidates around the session's newest liked and completed songs, to add to the pool. */
    private Consumer<FmSession> explore(FmSession copy) {
        explorations.incrementAndGet();
        List<ListenerContext.Seed> seeds = copy.explorationSeeds();
        ListenerContext ctx = new ListenerContext(copy.userId, seeds, List.of(), List.of()); // leaveOut: served, disliked
        SceneRecall.Recalled r = sceneRecall.recall(explorePolicy, ctx, leaveOut(copy), POOL_SIZE / 3);
        double[] scores = kit.ranker().rank(copy.userId, SCENE, policies.of(copy.userId).heads(), copy.position, copy.lastActive,
                r.candidates()).scores();
        return s -> explored(s, r, scores);
    }

    /** The exploration's candidates join the pool; one already there gains the exploration's reasons (and is rescored). */
    private static void explored(FmSession s, SceneRecall.Recalled r, double[] scores) {
        if (r.fallback()) {
            return;
        }
        for (int i = 0; i < scores.length; i++) {
            Fusion.Fused f = r.candidates().get(i);
            Fusion.Fused old = s.pool.get(f.itemId());
            if (old == null) {
                s.pool.put(f.itemId(), f);
                s.scores.put(f.itemId(), scores[i]);
            } else {
                List<Fusion.Fused.Part> parts = new ArrayList<>(f.parts());
                parts.addAll(old.parts());
                s.pool.put(f.itemId(), new Fusion.Fused(old.itemId(), old.itemType(), old.name(), parts));
                s.scores.remove(f.itemId());
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

    private static int remaining(FmSession s) {
        return (int) s.pool.keySet().stream().filter(id -> !s.served.contains(id) && !s.disliked.contains(id)).count();
    }

    /** Scores are kept with the pool (computed off the request path); only candidates new to it are scored here. */
    private void scoreNew(FmSession s, List<Fusion.Fused> candidates, long now) {
        List<Fusion.Fused> unscored = candidates.stream().filter(f -> !s.scores.containsKey(f.itemId())).toList();
        if (!unscored.isEmpty()) {
            double[] fresh = kit.ranker().rank(s.userId, SCENE, policies.of(s.userId).heads(), s.position, now, unscored).scores();
            for (int i = 0; i < fresh.length; i++) {
                s.scores.put(unscored.get(i).itemId(), fresh[i]);
            }
        }
    }

    /** A candidate of a session's pool as the ranker scored it, with what the session model reads of it. */
    public record PoolSong(String songId, double score, boolean played, List<String> artistIds, List<String> genres,
                           List<String> channels) {}

    /**
     * A session's pool, and whether it is degraded (it came from the popularity fallback or from fewer than half of
     * the channels; a background refill is on its way).
     */
    public record Pool(boolean degraded, List<PoolSong> songs) {}

    /**
     * The pool of the listener's current session (empty when they have none), best ranker score first; songs played
     * in the session are included and marked. For replaying sessions offline ({@code melograph eval fm-replay}).
     */
    public Optional<Pool> pool(String userId, long now) {
        FmSession s = sessions.get(userId);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (lock(userId)) {
            List<Fusion.Fused> all = List.copyOf(s.pool.values());
            scoreNew(s, all, now);
            return Optional.of(new Pool(s.degraded, all.stream()
                    .map(f -> new PoolSong(f.itemId(), s.scores.get(f.itemId()), s.served.contains(f.itemId()),
                            picks.artistIds(f.itemId()), picks.genres(f.itemId()), f.channels()))
                    .sorted(Comparator.comparingDouble(PoolSong::score).reversed())
                    .toList()));
        }
    }

    /**
     * The best playable candidate: ranker score × the session's feedback weights (when adaptive); {@code leastBad}: any
     * song, the one that ranks first when none weighs above 0.
     */
    private Optional<Pick> choose(FmSession s, boolean adaptive, boolean leastBad, long now) {
        List<Fusion.Fused> playable = s.pool.values().stream()
                .filter(f -> !s.served.contains(f.itemId()) && !s.disliked.contains(f.itemId())).toList();
        if (playable.isEmpty()) {
            return Optional.empty();
        }
        scoreNew(s, playable, now);
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < playable.size(); i++) {
            Fusion.Fused f = playable.get(i);
            double score = s.scores.get(f.itemId());
            if (adaptive) {
                List<String> artists = picks.artistIds(f.itemId());
                List<String> genres = picks.genres(f.itemId());
                score = leastBad ? s.taste.leastBad(score, artists, genres) : s.taste.weigh(score, artists, genres) * exploreBoost(s, f);
            }
            if ((score > 0 || leastBad) && (best < 0 || score > bestScore)) {
                best = i;
                bestScore = score;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        Fusion.Fused chosen = playable.get(best);
        if (adaptive && !s.positives.isEmpty()) {
            // put the exploration's reason first when it is what brought this song
            List<Fusion.Fused.Part> parts = new ArrayList<>(chosen.parts());
            parts.sort(Comparator.comparingDouble((Fusion.Fused.Part p) -> s.exploreBoost(seed(p))).reversed());
            chosen = new Fusion.Fused(chosen.itemId(), chosen.itemType(), chosen.name(), parts);
        }
        return Optional.of(picks.of(chosen, bestScore, false));
    }

    /** The strongest boost among the session's liked or completed songs that led to this candidate. */
    private static double exploreBoost(FmSession s, Fusion.Fused f) {
        double boost = 1;
        for (Fusion.Fused.Part p : f.parts()) {
            boost = Math.max(boost, s.exploreBoost(seed(p)));
        }
        return boost;
    }

    private static String seed(Fusion.Fused.Part p) {
        return p.path().isEmpty() ? "" : p.path().get(0);
    }

    private void recordImpression(String userId, String songId, long now) {
        Event impression = new Event(UUID.randomUUID().toString(), userId, songId, ItemType.SONG, Action.IMPRESSION,
                Event.UNKNOWN, Event.UNKNOWN, SCENE, now);
        intake.accept(List.of(impression)); // durable shortly; the answer does not wait for the disk
    }

    private FmNext answer(FmSession s, Pick pick, boolean adaptive) {
        return new FmNext(s.userId, s.startedAt, s.position, pick, Map.copyOf(s.channels), s.fallback,
                adaptive ? s.taste.avoiding() : List.of(), adaptive ? s.liked.stream().map(ListenerContext.Seed::name).toList() : List.of(),
                adaptive);
    }

    /**
     * Counters since start: sessions held now, sessions started, pool refills in the background, pools that ran dry
     * before their refill came (popular songs stood in), explorations.
     */
    /** The A/B arms and who is in which. */
    public SceneArms<ScenePolicy> arms() {
        return policies;
    }

    public record Stats(int sessions, long started, long refillsAhead, long ranDry, long explorations) {}

    public Stats stats() {
        return new Stats(sessions.size(), started.get(), refillsAhead.get(), ranDry.get(), explorations.get());
    }
}
