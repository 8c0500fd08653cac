package io.melograph.scene;

import io.melograph.recall.Fusion;
import io.melograph.recall.ListenerContext;
import io.melograph.recall.ListenerProfile;
import io.melograph.recall.ListenerProfiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Daily Recommendation: a list of (by default) 30 songs that stays the same for the listener's whole day and is
 * recomputed at 06:00 in their time zone. A configurable share is familiar (songs from their own rotation, varied from
 * day to day) and the rest discovery (fused recall, ranked, songs they never heard; popular songs when recall brings
 * too few); at most two songs per artist, nothing they disliked.
 */
public final class DailyMixScene {
    private static final Logger LOG = LoggerFactory.getLogger(DailyMixScene.class);
    public static final String SCENE = "daily";
    public static final LocalTime REFRESH = LocalTime.of(6, 0);
    /** The channel named on songs from the listener's own rotation. */
    public static final String FAMILIAR = "familiar";

    /** @param familiarShare share of the list from the listener's own rotation, in [0, 1] */
    public record Settings(int size, double familiarShare, int maxPerArtist) {
        public Settings {
            if (size < 1 || familiarShare < 0 || familiarShare > 1 || maxPerArtist < 1) {
                throw new IllegalArgumentException("daily: size >= 1, familiar share in [0, 1], max per artist >= 1");
            }
        }
    }

    private final SceneKit kit;
    private final SceneRecall sceneRecall;
    private final ListenerProfiles profiles;
    private final Picks picks;
    /** How each A/B arm recalls, and its settings. */
    private final SceneArms<ScenePolicy> policies;
    /** The same channels computed ahead or again after a degraded answer, with budgets no listener waits for. */
    private final SceneArms<ScenePolicy> backgroundPolicies;
    private final SceneArms<Settings> settings;
    private final DailyStore store;
    private final Executor background;
    /**
     * Lists answered while recall was degraded, for a short while: a burst of requests gets the same provisional
     * list (and one background recomputation) instead of recomputing it each time.
     */
    private final ConcurrentHashMap<String, Provisional> provisional = new ConcurrentHashMap<>();
    static final long PROVISIONAL_MS = 60_000;

    private record Provisional(DailyList list, int size, long at) {}
    /** One computation per listener and day at a time: two requests at once get the same list. */
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    /** Profile time zones read lately; onboarding tells of a change ({@link #zoneChanged}). */
    private final ProfileZones zones = new ProfileZones();

    /**
     * @param background       computes the day's list again after a degraded answer
     * @param backgroundBudget the least time budget of a channel when lists are computed ahead or again
     */
    public DailyMixScene(SceneKit kit, ScenePolicy policy, Settings settings, DailyStore store, Executor background,
                         Duration backgroundBudget) {
        this(kit, SceneArms.single(SCENE, policy), SceneArms.single(SCENE, settings), store, background, backgroundBudget);
    }

    /** A Daily whose listeners are split into A/B arms, each with its own recall policy and settings (same arms). */
    public DailyMixScene(SceneKit kit, SceneArms<ScenePolicy> policies, SceneArms<Settings> settings, DailyStore store,
                         Executor background, Duration backgroundBudget) {
        if (!policies.arms().equals(settings.arms())) {
            throw new IllegalArgumentException("daily: the policies' and the settings' arms differ");
        }
        this.kit = kit;
        this.sceneRecall = kit.sceneRecall();
        this.profiles = kit.profiles();
        this.picks = kit.picks();
        this.policies = policies;
        this.backgroundPolicies = policies.map(p -> p.withBudgetsAtLeast(backgroundBudget));
        this.settings = settings;
        this.store = store;
        this.background = background;
    }

    /** The listener's day at this instant: before 06:00 it is still yesterday's list. */
    public static LocalDate dayOf(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        return local.toLocalTime().isBefore(REFRESH) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    /** The first 06:00 in the zone strictly after {@code now}: when the listener's next list is made. */
    public static Instant nextTurn(Instant now, ZoneId zone) {
        return dayOf(now, zone).plusDays(1).atTime(REFRESH).atZone(zone).toInstant();
    }

    /** The A/B arms and who is in which. */
    public SceneArms<Settings> arms() {
        return settings;
    }

    /** The listener's time zone as Daily reads it: their profile's, else UTC. */
    public ZoneId zoneOf(String userId, Instant now) {
        return profileZone(userId, now.toEpochMilli());
    }

    /**
     * Today's list (at least {@code size} long when the catalog allows), or empty for an unknown listener.
     *
     * @param requested the time zone the request names, or null for the profile's (UTC when it has none)
     */
    public Optional<DailyList> daily(String userId, ZoneId requested, int limit, Instant now) {
        ZoneId zone = requested != null ? requested : profileZone(userId, now.toEpochMilli());
        int size = Math.max(limit, settings.of(userId).size());
        LocalDate day = dayOf(now, zone);
        Optional<DailyList> stored = store.get(userId, day, size);
        if (stored.isEmpty()) {
            stored = recentProvisional(userId, day, zone, size, now);
        }
        if (stored.isEmpty()) {
            stored = computeOnce(userId, zone, day, size, now, policies.of(userId));
            stored.filter(DailyList::provisional).ifPresent(list -> {
                provisional.put(userId, new Provisional(list, size, now.toEpochMilli()));
                recomputeLater(userId, zone, day, size);
            });
        }
        Optional<DailyList> answered = stored.map(list -> limit >= list.items().size() ? list : truncate(list, limit));
        // the ranker learns from what the listener is shown, when it is shown: a list computed ahead, or kept by
        // another serving process, is learned from the request that answers it (its channels kept for ServedLists' hours)
        answered.ifPresent(list -> kit.ranker().served(userId, SCENE, now.toEpochMilli(), discoveries(list)));
        return answered;
    }

    private Optional<DailyList> recentProvisional(String userId, LocalDate day, ZoneId zone, int size, Instant now) {
        Provisional p = provisional.get(userId);
        if (p == null || now.toEpochMilli() - p.at() > PROVISIONAL_MS || now.toEpochMilli() < p.at()) {
            provisional.remove(userId, p);
            return Optional.empty();
        }
        boolean same = p.list().day().equals(day.toString()) && p.list().timeZone().equals(zone.getId()) && p.size() >= size;
        return same ? Optional.of(p.list()) : Optional.empty();
    }

    /** The day's list, computed again in the background with background budgets (kept only when recall answered). */
    private void recomputeLater(String userId, ZoneId zone, LocalDate day, int size) {
        try {
            background.execute(() -> {
                try {
                    Optional<DailyList> again = computeOnce(userId, zone, day, size, Instant.now(), backgroundPolicies.of(userId));
                    if (again.isPresent() && !again.get().provisional()) {
                        provisional.remove(userId);
                    }
                } catch (RuntimeException e) {
                    LOG.debug("Daily list of {} not recomputed: {}", userId, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            // busy: the listener's next request after PROVISIONAL_MS, or the next pass ahead, tries again
        }
    }

    /**
     * Computes ahead the list the listener will get at {@code at} (in their profile's zone), unless it is stored:
     * done before their 06:00, a request only reads it.
     *
     * @return whether a list was computed
     */
    public boolean prepare(String userId, Instant at, Instant now) {
        ZoneId zone = profileZone(userId, now.toEpochMilli());
        LocalDate day = dayOf(at, zone);
        int size = settings.of(userId).size();
        if (store.has(userId, day, size)) {
            return false;
        }
        // kept only when recall answered: a degraded list is left to the next pass (or the listener's request)
        return computeOnce(userId, zone, day, size, now, backgroundPolicies.of(userId)).filter(l -> !l.provisional()).isPresent();
    }

    /** The profile's time zone may have changed (onboarding): read it again on the next request. */
    public void zoneChanged(String userId) {
        zones.forget(userId);
    }

    /** One computation per listener and day at a time: whoever comes second gets the first one's list. */
    private Optional<DailyList> computeOnce(String userId, ZoneId zone, LocalDate day, int size, Instant now, ScenePolicy policy) {
        Object lock = locks.computeIfAbsent(userId, k -> new Object());
        try {
            synchronized (lock) {
                Optional<DailyList> stored = store.get(userId, day, size);
                if (stored.isEmpty()) {
                    // a list from degraded recall is answered but never kept as the day's list; another serving
                    // process may have kept one first, and then that one is answered
                    stored = compute(userId, zone, day, size, now, policy)
                            .map(list -> list.provisional() ? list : store.putIfAbsent(list, size));
                }
                return stored;
            }
        } finally {
            locks.remove(userId, lock);
        }
    }

    /** A list's discoveries as the ranker is told about them: each song with the channels that proposed it. */
    private static List<Fusion.Fused> discoveries(DailyList list) {
        return list.items().stream().filter(p -> !p.familiar())
                .map(p -> new Fusion.Fused(p.id(), p.type(), p.name(), p.channels().stream()
                        .map(c -> new Fusion.Fused.Part(c, 0, p.contributions().getOrDefault(c, 0.0), p.reason(), p.path())).toList()))
                .toList();
    }

    private Optional<DailyList> compute(String userId, ZoneId zone, LocalDate day, int size, Instant now, ScenePolicy policy) {
        Optional<ListenerProfile> found = profiles.of(userId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ListenerProfile facts = found.get();
        ListenerContext context = facts.context();
        Set<String> leaveOut = new HashSet<>(facts.heard().keySet());
        leaveOut.addAll(facts.disliked());
        SceneRecall.Recalled recalled = sceneRecall.recall(policy, context, leaveOut, 10 * size);
        CandidateRanker.Ranking ranked = kit.ranker().rank(userId, SCENE, policy.heads(), 0, now.toEpochMilli(), recalled.candidates());
        double[] scores = ranked.scores();
        List<Scored> discovery = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            discovery.add(new Scored(recalled.candidates().get(i), scores[i], false));
        }
        discovery.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.fused().itemId()));
        List<Scored> familiar = familiar(userId, day, facts);

        Settings settings = this.settings.get(policy.arm());
        int familiarWanted = (int) Math.round(size * settings.familiarShare());
        ArtistCap cap = new ArtistCap(settings.maxPerArtist());
        List<Scored> fam = cap.apply(familiar, s -> picks.artistIds(s.fused().itemId()), familiarWanted);
        List<Scored> disc = cap.apply(discovery, s -> picks.artistIds(s.fused().itemId()), size - fam.size());
        if (disc.size() + fam.size() < size && !recalled.fallback()) { // too few discoveries: popular songs next
            Set<String> taken = new HashSet<>(leaveOut);
            disc.forEach(s -> taken.add(s.fused().itemId()));
            List<Scored> popular = sceneRecall.popular(taken, 10 * size).stream().map(f -> new Scored(f, 0, false)).toList();
            disc.addAll(cap.apply(popular, s -> picks.artistIds(s.fused().itemId()), size - disc.size() - fam.size()));
        }
        if (disc.size() + fam.size() < size) { // still too few: more from the rotation
            List<Scored> rest = familiar.stream().filter(s -> !fam.contains(s)).toList();
            fam.addAll(cap.apply(rest, s -> picks.artistIds(s.fused().itemId()), size - disc.size() - fam.size()));
        }
        List<Pick> items = interleave(disc, fam);
        ZonedDateTime refresh = day.plusDays(1).atTime(REFRESH).atZone(zone);
        DailyList list = new DailyList(userId, day.toString(), zone.getId(), now.toString(), refresh.toOffsetDateTime().toString(),
                items, ranked.named(recalled.status()), recalled.fallback(), recalled.degraded(), Picks.round(Picks.share(items, Pick::familiar)),
                Picks.round(Picks.share(items, Pick::longTail)));
        return Optional.of(list);
    }

    private ZoneId profileZone(String userId, long now) {
        return zones.get(userId, now, u -> profiles.timeZone(u).flatMap(DailyMixScene::zone).orElse(ZoneOffset.UTC));
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // a damaged profile value: UTC
        }
    }

    private record Scored(Fusion.Fused fused, double score, boolean familiar) {}

    /**
     * The listener's rotation, fondest first but shuffled a little by the day (so the familiar part changes from day
     * to day, the same within one), disliked songs left out.
     */
    private List<Scored> familiar(String userId, LocalDate day, ListenerProfile facts) {
        List<Scored> out = new ArrayList<>();
        for (ListenerProfile.Heard h : facts.heard().values()) {
            if (facts.disliked().contains(h.id()) || h.fondness() <= 0) {
                continue;
            }
            double jitter = 0.5 + (Math.floorMod((userId + '\u0000' + day + '\u0000' + h.id()).hashCode(), 1000) / 1000.0);
            String reason = "From your rotation: you played *" + h.name() + "* " + (h.plays() == 1 ? "once" : h.plays() + " times");
            Fusion.Fused f = new Fusion.Fused(h.id(), "song", h.name(),
                    List.of(new Fusion.Fused.Part(FAMILIAR, 1.0, h.fondness(), reason, List.of(userId, h.id()))));
            out.add(new Scored(f, h.fondness() * jitter, true));
        }
        out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.fused().itemId()));
        return out;
    }

    /** Discoveries first, the familiar songs spread evenly between them. */
    private List<Pick> interleave(List<Scored> discovery, List<Scored> familiar) {
        List<Pick> out = new ArrayList<>();
        int total = discovery.size() + familiar.size();
        int d = 0;
        int f = 0;
        for (int i = 0; i < total; i++) {
            boolean takeFamiliar = f < familiar.size()
                    && (d >= discovery.size() || (long) (f + 1) * total <= (long) (i + 1) * familiar.size());
            Scored s = takeFamiliar ? familiar.get(f++) : discovery.get(d++);
            out.add(picks.of(s.fused(), s.score(), s.familiar()));
        }
        return out;
    }

    private static DailyList truncate(DailyList l, int limit) {
        List<Pick> items = l.items().subList(0, limit);
        return new DailyList(l.userId(), l.day(), l.timeZone(), l.generatedAt(), l.refreshAt(), items, l.channels(),
                l.fallback(), l.provisional(), Picks.round(Picks.share(items, Pick::familiar)), Picks.round(Picks.share(items, Pick::longTail)));
    }
}
