package io.melograph.sim;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.ItemType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One run of the simulation: hour by hour, every listener's sessions that start in the hour are played out, and the
 * events of the hour are sorted and handed to the sink (events of a session that runs past the hour wait for later
 * hours). Per-listener state is in {@link Listener}; the behaviour numbers are in {@link Behaviour}.
 * <p>
 * <b>Sessions.</b> Each day a listener plans Poisson({@code sessionsPerDay × activity × day factor}) sessions at
 * {@link Rhythm} hours; one starting within 31 minutes of the listener's last event waits until 31 minutes have passed.
 * A session is 1–4 segments (another follows with probability 0.35), each a scene drawn with the shares
 * {@link #SCENE_SHARE}, 5–90 s apart.
 * <p>
 * <b>Behaviour chains</b> (every event carries its scene):
 * <ul>
 *   <li>daily: IMPRESSION of the whole list, then per row CLICK → PLAY → SKIP | COMPLETE → feedback;</li>
 *   <li>fm: IMPRESSION → PLAY (no click: the radio plays on) → SKIP | COMPLETE → feedback;</li>
 *   <li>search: IMPRESSION of the results, CLICK → PLAY → ...;</li>
 *   <li>playlist: IMPRESSION of playlists (PLAYLIST), CLICK and PLAY of one, then its tracks PLAY → SKIP | COMPLETE →
 *       feedback, then maybe LIKE / SAVE / SHARE of the playlist;</li>
 *   <li>video, mlog: IMPRESSION of clips, CLICK → PLAY → SKIP | COMPLETE → LIKE / SHARE; after a complete the clip's
 *       song is shown (IMPRESSION) and maybe opened (CLICK → PLAY → ...).</li>
 * </ul>
 * Song feedback: after a COMPLETE, LIKE (once per song), SAVE, SHARE; after a SKIP, UNLIKE of a liked song or, for an
 * early skip, DISLIKE. IMPRESSION and CLICK carry no position (−1); PLAY is at 0; SKIP and COMPLETE carry where the
 * play stopped as both {@code positionMs} and {@code durationMs} (played from the start); feedback repeats them.
 */
final class SimRun {
    static final long HOUR_MS = 3_600_000L;
    /** A new session needs more than 30 minutes of idle time (the sessionizer's rule): we leave 31. */
    static final long SESSION_GAP_MS = 31 * 60_000L;
    static final String[] SCENES = {"daily", "fm", "playlist", "search", "video", "mlog"};
    /** How often a session segment is each scene (lean-forward lists, radio, playlists, search, clips). */
    static final double[] SCENE_SHARE = {0.22, 0.25, 0.20, 0.15, 0.10, 0.08};

    private final World w;
    private final Catalog c;
    private final SimConfig cfg;
    private final RecommendationSource recs;
    private final Consumer<Event> sink;
    private final Listener[] listeners;
    private final List<Pending> buffer = new ArrayList<>();
    private final Sampler scenes;
    private final int playlistKey;
    private final int videoKey;
    private final int mlogKey;

    private long emitted;
    private long now;
    private int sessionEvents;
    private long today;
    private Sampler fresh = Sampler.EMPTY;

    // statistics
    private final long[] songPlays;
    private long plays;
    private long skips;
    private long completes;
    private long likes;
    private long repeats;
    private long videoPlays;
    private long mlogPlays;
    private long sessions;

    SimRun(World w, RecommendationSource recs, Consumer<Event> sink) {
        this.w = w;
        this.c = w.catalog;
        this.cfg = w.config;
        this.recs = recs;
        this.sink = sink;
        SplittableRandom master = new SplittableRandom(cfg.seed() ^ 0x5EED_1157_E4E2L);
        listeners = new Listener[w.users];
        for (int u = 0; u < w.users; u++) {
            listeners[u] = new Listener(u, master.split(), w.tastes[u].copy());
        }
        double[] share = SCENE_SHARE.clone();
        share[2] = w.playlistIds.length == 0 ? 0 : share[2];
        share[4] = w.videoIds.length == 0 ? 0 : share[4];
        share[5] = w.mlogIds.length == 0 ? 0 : share[5];
        scenes = new Sampler(World.range(SCENES.length), share);
        playlistKey = c.size();
        videoKey = playlistKey + w.playlistIds.length;
        mlogKey = videoKey + w.videoIds.length;
        songPlays = new long[c.size()];
    }

    SimSummary run(PopularityPrior prior) {
        long day0 = cfg.startEpochDay();
        for (int d = 0; d < cfg.days(); d++) {
            today = day0 + d;
            long dayStart = cfg.startMillis() + d * SimConfig.DAY_MS;
            int[] recent = c.releasedBetween(today - 27, today);
            double[] fw = new double[recent.length];
            for (int i = 0; i < recent.length; i++) {
                fw[i] = c.prior[recent[i]] * (1 + 2 * freshness(recent[i]));
            }
            fresh = new Sampler(recent, fw);
            for (Listener l : listeners) {
                startDay(l, d, dayStart);
            }
            for (int h = 0; h < 24; h++) {
                long hourEnd = dayStart + (h + 1) * HOUR_MS;
                for (Listener l : listeners) {
                    while (l.pendingSize > 0 && l.pending[0] < hourEnd) {
                        long planned = l.popPending();
                        long start = l.lastTs == Long.MIN_VALUE ? planned : Math.max(planned, l.lastTs + SESSION_GAP_MS);
                        if (start >= hourEnd) {
                            l.plan(start);
                            break;
                        }
                        session(l, start);
                    }
                }
                flush(hourEnd);
            }
        }
        flush(Long.MAX_VALUE);
        return summary(prior);
    }

    private void startDay(Listener l, int d, long dayStart) {
        if (d > 0 && d % 7 == 0) {
            int[] liked = l.recentLikes(today - 14);
            l.taste.drift(c, l.rng, liked, liked.length);
        }
        l.decayRotation(0.97);
        long registered = w.registeredAt[l.index];
        if (registered >= dayStart + SimConfig.DAY_MS) {
            return;
        }
        double mean = cfg.sessionsPerDay() * w.activity[l.index] * Rhythm.dayFactor(today);
        int n = Rand.poisson(l.rng, mean);
        for (int k = 0; k < n; k++) {
            long start = Rhythm.sessionStart(l.rng, dayStart, today, Rhythm.UTC_OFFSET[w.country[l.index]]);
            if (start >= registered) {
                l.plan(start);
            }
        }
    }

    // ---------------------------------------------------------------- sessions

    private void session(Listener l, long start) {
        now = start;
        sessionEvents = 0;
        l.previousArtist = -1;
        l.previousSkipped = false;
        l.mood = -1;
        if (cfg.sessionEffects() && l.taste.genres.length > 0 && Rand.chance(l.rng, Behaviour.MOOD_SHARE)) {
            l.mood = l.taste.genres[Taste.pick(l.taste.genreW, l.rng)];
        }
        int segments = 0;
        do {
            switch (SCENES[scenes.sample(l.rng)]) {
                case "daily" -> daily(l);
                case "fm" -> fm(l);
                case "playlist" -> playlist(l);
                case "search" -> search(l);
                case "video" -> video(l);
                default -> mlog(l);
            }
            segments++;
            now += Rand.between(l.rng, 5_000, 90_000);
        } while (segments < 4 && Rand.chance(l.rng, 0.35));
        if (sessionEvents > 0) {
            l.sessions++;
            sessions++;
        }
    }

    /** The daily list: 6–10 songs shown at once, browsed top-down, some clicked and played; 8 % leave at each row. */
    private void daily(Listener l) {
        int[] list = exposures(l, "daily", 6 + l.rng.nextInt(5));
        if (list.length == 0) {
            return;
        }
        for (int s : list) {
            song(l, s, Action.IMPRESSION, "daily");
        }
        now += Rand.between(l.rng, 2_000, 12_000);
        for (int s : list) {
            if (Rand.chance(l.rng, 0.08)) {
                break;
            }
            if (Rand.chance(l.rng, clickChance(l, s))) {
                song(l, s, Action.CLICK, "daily");
                now += Rand.between(l.rng, 300, 1_500);
                play(l, s, "daily");
                now += Rand.between(l.rng, 1_000, 5_000);
            } else {
                now += Rand.between(l.rng, 500, 3_000);
            }
        }
    }

    /**
     * Private FM, lean-back radio: each track is shown and starts by itself (no click); the listener keeps listening
     * with probability 0.9 after each track, only 0.5 after three skips in a row; at most 25 tracks.
     */
    private void fm(Listener l) {
        int[] queue = new int[0];
        int next = 0;
        int streak = 0;
        for (int track = 0; track < 25; track++) {
            if (next >= queue.length) {
                queue = exposures(l, "fm", recs == null ? 1 : 5);
                next = 0;
                if (queue.length == 0) {
                    return;
                }
            }
            int s = queue[next++];
            song(l, s, Action.IMPRESSION, "fm");
            now += Rand.between(l.rng, 200, 1_500);
            streak = play(l, s, "fm") ? streak + 1 : 0;
            now += Rand.between(l.rng, 500, 2_000);
            if (!Rand.chance(l.rng, streak >= 3 ? 0.5 : 0.9)) {
                return;
            }
        }
    }

    /**
     * Search: the listener looks for a song from heavy rotation (50 %), else by a favourite artist (70 % of the rest),
     * else one their taste finds; the results are the target and up to three songs by the same artist. They open the
     * target 85 % of the time, and after it another result with its click chance × 0.5.
     */
    private void search(Listener l) {
        int target = -1;
        if (Rand.chance(l.rng, 0.5)) {
            target = l.fromRotation();
        }
        if (target < 0 && l.taste.artists.length > 0 && Rand.chance(l.rng, 0.7)) {
            int s = c.byArtist[l.taste.artists[Taste.pick(l.taste.artistW, l.rng)]].sample(l.rng);
            target = s >= 0 && c.isReleased(s, today) ? s : -1;
        }
        if (target < 0) {
            target = l.taste.sampleSong(c, l.rng, today);
        }
        if (target < 0) {
            return;
        }
        int[] results = new int[4];
        int n = 0;
        results[n++] = target;
        int artist = c.primaryArtist(target);
        for (int k = 0; k < 6 && n < 4 && artist >= 0; k++) {
            int s = c.byArtist[artist].sample(l.rng);
            if (s >= 0 && c.isReleased(s, today) && !contains(results, n, s)) {
                results[n++] = s;
            }
        }
        now += Rand.between(l.rng, 3_000, 15_000);
        for (int i = 0; i < n; i++) {
            song(l, results[i], Action.IMPRESSION, "search");
        }
        now += Rand.between(l.rng, 1_000, 4_000);
        boolean opened = Rand.chance(l.rng, 0.85);
        if (opened) {
            song(l, target, Action.CLICK, "search");
            now += Rand.between(l.rng, 300, 1_000);
            play(l, target, "search");
            now += Rand.between(l.rng, 1_000, 5_000);
        }
        for (int i = 1; i < n; i++) {
            if (Rand.chance(l.rng, clickChance(l, results[i]) * 0.5)) {
                song(l, results[i], Action.CLICK, "search");
                now += Rand.between(l.rng, 300, 1_000);
                play(l, results[i], "search");
                now += Rand.between(l.rng, 1_000, 5_000);
                break;
            }
        }
    }

    /**
     * Playlists: the listener's own, their friends' and 6 random ones are scored by the mean match of their first 5
     * songs (+0.3 own, +0.15 a friend's, + N(0, 0.1) mood); the top 4 are shown; the first opened is played in order
     * from the top (50 %) or a random track, continuing with probability 0.9 per track, at most 15 tracks; afterwards
     * a playlist by someone else may be liked (5 %), saved (4 %) or shared (1 %).
     */
    private void playlist(Listener l) {
        int p = w.playlistIds.length;
        List<Integer> cand = new ArrayList<>();
        for (int x : w.playlistsOf[l.index]) {
            addOnce(cand, x);
        }
        for (int f : w.friends[l.index]) {
            for (int x : w.playlistsOf[f]) {
                if (cand.size() < 12) {
                    addOnce(cand, x);
                }
            }
        }
        for (int k = 0; k < 6; k++) {
            addOnce(cand, l.rng.nextInt(p));
        }
        double[] score = new double[cand.size()];
        for (int i = 0; i < score.length; i++) {
            int x = cand.get(i);
            int[] songs = w.playlistSongs[x];
            double sum = 0;
            int k = Math.min(5, songs.length);
            for (int j = 0; j < k; j++) {
                sum += l.taste.match(c, songs[j]);
            }
            int creator = w.playlistCreator[x];
            score[i] = sum / k + (creator == l.index ? 0.3 : 0)
                    + (Arrays.binarySearch(w.friends[l.index], creator) >= 0 ? 0.15 : 0) + 0.1 * Rand.gaussian(l.rng);
        }
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        int shown = Math.min(4, order.length);
        for (int i = 0; i < shown; i++) {
            emit(l, w.playlistIds[cand.get(order[i])], ItemType.PLAYLIST, Action.IMPRESSION, Event.UNKNOWN, Event.UNKNOWN, "playlist");
        }
        now += Rand.between(l.rng, 2_000, 8_000);
        for (int i = 0; i < shown; i++) {
            int x = cand.get(order[i]);
            if (!Rand.chance(l.rng, Behaviour.openPlaylist(score[order[i]], w.clickTrait[l.index]))) {
                now += Rand.between(l.rng, 500, 2_000);
                continue;
            }
            String id = w.playlistIds[x];
            emit(l, id, ItemType.PLAYLIST, Action.CLICK, Event.UNKNOWN, Event.UNKNOWN, "playlist");
            now += Rand.between(l.rng, 500, 2_000);
            emit(l, id, ItemType.PLAYLIST, Action.PLAY, 0, 0, "playlist");
            int[] songs = w.playlistSongs[x];
            int start = Rand.chance(l.rng, 0.5) ? 0 : l.rng.nextInt(songs.length);
            for (int t = 0; t < 15 && start + t < songs.length; t++) {
                int s = songs[start + t];
                if (!c.isReleased(s, today)) {
                    continue;
                }
                now += Rand.between(l.rng, 300, 1_500);
                play(l, s, "playlist");
                if (!Rand.chance(l.rng, 0.9)) {
                    break;
                }
            }
            boolean own = w.playlistCreator[x] == l.index;
            now += Rand.between(l.rng, 1_000, 4_000);
            if (!own && !l.liked.contains(playlistKey + x) && Rand.chance(l.rng, 0.05)) {
                l.liked.add(playlistKey + x);
                emit(l, id, ItemType.PLAYLIST, Action.LIKE, Event.UNKNOWN, Event.UNKNOWN, "playlist");
            }
            if (!own && Rand.chance(l.rng, 0.04)) {
                emit(l, id, ItemType.PLAYLIST, Action.SAVE, Event.UNKNOWN, Event.UNKNOWN, "playlist");
            }
            if (Rand.chance(l.rng, 0.01)) {
                emit(l, id, ItemType.PLAYLIST, Action.SHARE, Event.UNKNOWN, Event.UNKNOWN, "playlist");
            }
            return;
        }
    }

    /** Videos: 12 random ones scored by their songs' match (+0.2 × popularity, + noise), the top 3–5 shown. */
    private void video(Listener l) {
        int[] cand = new int[12];
        for (int k = 0; k < cand.length; k++) {
            cand[k] = l.rng.nextInt(w.videoIds.length);
        }
        clips(l, cand, false);
    }

    /** MLOGs: up to 4 by friends plus 10 random ones, scored like videos (+0.25 when by a friend), the top 3–5 shown. */
    private void mlog(Listener l) {
        int[] byFriends = w.mlogsOfFriends[l.index];
        int nf = Math.min(4, byFriends.length);
        int[] cand = new int[nf + 10];
        for (int k = 0; k < nf; k++) {
            cand[k] = byFriends[l.rng.nextInt(byFriends.length)];
        }
        for (int k = nf; k < cand.length; k++) {
            cand[k] = l.rng.nextInt(w.mlogIds.length);
        }
        clips(l, cand, true);
    }

    /**
     * The video and MLOG feeds: shown clips are opened (clickClip), played, skipped or completed, maybe liked or
     * shared (2 %); after a complete the clip's song is shown and opened with its click chance, played in the clip's
     * scene; the listener moves on to the next clip with probability 0.6.
     */
    private void clips(Listener l, int[] cand, boolean mlog) {
        String scene = mlog ? "mlog" : "video";
        ItemType type = mlog ? ItemType.MLOG : ItemType.VIDEO;
        int[] distinct = Arrays.stream(cand).distinct().toArray();
        double[] score = new double[distinct.length];
        double[] match = new double[distinct.length];
        for (int i = 0; i < distinct.length; i++) {
            int[] songs = mlog ? w.mlogSongs[distinct[i]] : w.videoSongs[distinct[i]];
            double best = 0;
            for (int s : songs) {
                best = Math.max(best, l.taste.match(c, s));
            }
            match[i] = best;
            score[i] = best + (mlog ? (byFriend(l, distinct[i]) ? 0.25 : 0)
                    : 0.2 * Behaviour.popularity(c.popularityRank[songs[0]], c.size())) + 0.1 * Rand.gaussian(l.rng);
        }
        Integer[] order = new Integer[distinct.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        int shown = Math.min(3 + l.rng.nextInt(3), order.length);
        for (int i = 0; i < shown; i++) {
            emit(l, clipId(distinct[order[i]], mlog), type, Action.IMPRESSION, Event.UNKNOWN, Event.UNKNOWN, scene);
        }
        now += Rand.between(l.rng, 1_000, 6_000);
        for (int i = 0; i < shown; i++) {
            int x = distinct[order[i]];
            double m = match[order[i]];
            boolean friend = mlog && byFriend(l, x);
            if (!Rand.chance(l.rng, Behaviour.clickClip(m, friend, w.clickTrait[l.index]))) {
                now += Rand.between(l.rng, 500, 2_000);
                continue;
            }
            String id = clipId(x, mlog);
            emit(l, id, type, Action.CLICK, Event.UNKNOWN, Event.UNKNOWN, scene);
            now += Rand.between(l.rng, 300, 1_000);
            emit(l, id, type, Action.PLAY, 0, 0, scene);
            if (mlog) {
                mlogPlays++;
            } else {
                videoPlays++;
            }
            long duration = mlog ? w.mlogDurationMs[x] : w.videoDurationMs[x];
            if (Rand.chance(l.rng, Behaviour.skipClip(m, mlog, w.skipTrait[l.index]))) {
                long pos = Behaviour.skipPositionMs(l.rng, m, duration);
                now += pos;
                emit(l, id, type, Action.SKIP, pos, pos, scene);
            } else {
                now += duration;
                emit(l, id, type, Action.COMPLETE, duration, duration, scene);
                int key = (mlog ? mlogKey : videoKey) + x;
                if (!l.liked.contains(key) && Rand.chance(l.rng, Behaviour.likeClip(m, friend, w.likeTrait[l.index]))) {
                    l.liked.add(key);
                    now += Rand.between(l.rng, 500, 3_000);
                    emit(l, id, type, Action.LIKE, duration, duration, scene);
                }
                if (Rand.chance(l.rng, 0.02)) {
                    now += Rand.between(l.rng, 500, 3_000);
                    emit(l, id, type, Action.SHARE, duration, duration, scene);
                }
                int s = (mlog ? w.mlogSongs[x] : w.videoSongs[x])[0];
                now += Rand.between(l.rng, 500, 2_000);
                song(l, s, Action.IMPRESSION, scene);
                if (c.isReleased(s, today) && Rand.chance(l.rng, clickChance(l, s))) {
                    now += Rand.between(l.rng, 1_000, 4_000);
                    song(l, s, Action.CLICK, scene);
                    now += Rand.between(l.rng, 300, 1_000);
                    play(l, s, scene);
                }
            }
            now += Rand.between(l.rng, 1_000, 4_000);
            if (!Rand.chance(l.rng, 0.6)) {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- one song

    /**
     * Plays song {@code s} from the start at {@code now}: PLAY, then SKIP (at a position) or COMPLETE, then feedback.
     * Returns whether it was skipped; {@code now} ends at the last event.
     */
    private boolean play(Listener l, int s, String scene) {
        double m = match(l, s);
        long duration = c.durationMs[s];
        boolean liked = l.liked.contains(s);
        double affinity = l.affinity(s);
        boolean recent = l.playedSince(s, now - 2 * HOUR_MS);
        song(l, s, Action.PLAY, 0, 0, scene);
        plays++;
        songPlays[s]++;
        if (!l.played.add(s)) {
            repeats++;
        }
        l.rememberPlay(s, now);
        int artist = c.primaryArtist(s);
        double previous = cfg.sessionEffects()
                ? Behaviour.afterPrevious(l.previousSkipped, artist >= 0 && artist == l.previousArtist) : 0;
        l.previousArtist = artist;
        l.previousSkipped = Rand.chance(l.rng, Behaviour.skip(m, w.skipTrait[l.index], liked, affinity, recent, scene, previous));
        if (l.previousSkipped) {
            long pos = Behaviour.skipPositionMs(l.rng, m, duration);
            now += pos;
            song(l, s, Action.SKIP, pos, pos, scene);
            skips++;
            l.touch(s, -1.5);
            if (liked && Rand.chance(l.rng, Behaviour.UNLIKE_AFTER_SKIP)) {
                now += Rand.between(l.rng, 500, 2_000);
                song(l, s, Action.UNLIKE, pos, pos, scene);
                l.liked.remove(s);
            } else if (!liked && pos < 30_000 && Rand.chance(l.rng, Behaviour.dislike(m))) {
                now += Rand.between(l.rng, 500, 2_000);
                song(l, s, Action.DISLIKE, pos, pos, scene);
            }
            return true;
        }
        now += duration;
        song(l, s, Action.COMPLETE, duration, duration, scene);
        completes++;
        l.touch(s, 1);
        if (!liked && Rand.chance(l.rng, Behaviour.like(m, affinity, w.likeTrait[l.index]))) {
            now += Rand.between(l.rng, 500, 4_000);
            song(l, s, Action.LIKE, duration, duration, scene);
            likes++;
            l.liked.add(s);
            l.rememberLike(s, today);
            l.touch(s, 2);
        }
        if (Rand.chance(l.rng, Behaviour.save(m))) {
            now += Rand.between(l.rng, 500, 4_000);
            song(l, s, Action.SAVE, duration, duration, scene);
        }
        if (Rand.chance(l.rng, Behaviour.share(m))) {
            now += Rand.between(l.rng, 500, 4_000);
            song(l, s, Action.SHARE, duration, duration, scene);
        }
        return false;
    }

    /** How well the song suits the listener now: their taste, in the session's mood if it has one. */
    private double match(Listener l, int s) {
        double m = l.taste.match(c, s);
        return l.mood < 0 ? m : Behaviour.inMood(m, Taste.indexOf(c.songGenres[s], l.mood) >= 0);
    }

    private double clickChance(Listener l, int s) {
        double m = match(l, s);
        return Behaviour.click(m, Behaviour.popularity(c.popularityRank[s], c.size()), l.affinity(s) > 0,
                socialProof(l, s), freshness(s), w.clickTrait[l.index]);
    }

    /** Whether a friend liked the song in the last 14 days. */
    private boolean socialProof(Listener l, int s) {
        for (int f : w.friends[l.index]) {
            if (listeners[f].likedSince(s, today - 14)) {
                return true;
            }
        }
        return false;
    }

    /** exp(−age/7) for a song released {@code age} = 0..27 days ago, else 0. */
    private double freshness(int s) {
        long r = c.released[s];
        if (r == SimSong.UNKNOWN_RELEASE || r > today || today - r > 27) {
            return 0;
        }
        return Math.exp(-(today - r) / 7.0);
    }

    // ---------------------------------------------------------------- exposures

    /**
     * Songs to show in "daily" or "fm". In live mode they come from the {@link RecommendationSource}. Otherwise each
     * slot is filled from one of five channels: heavy rotation 25 % (replays), a friend's like of the last 14 days 10 %,
     * a release of the last 4 weeks 5 % (by prior × (1 + 2 freshness), best-matching of three), popular songs 15 %
     * (by prior alone: exploration, mostly mismatches) and the listener's taste the remaining 45 %
     * ({@link Taste#sampleSong}). A channel with nothing to give falls back to taste; a slot never repeats a song of the
     * list nor, for fm, one played in the last 2 hours.
     */
    private int[] exposures(Listener l, String scene, int count) {
        if (recs != null) {
            List<String> ids = recs.recommend(w.userIds[l.index], scene, count);
            int[] out = new int[Math.min(count, ids == null ? 0 : ids.size())];
            int n = 0;
            for (int i = 0; ids != null && i < ids.size() && n < out.length; i++) {
                Integer s = ids.get(i) == null ? null : c.indexById.get(ids.get(i));
                if (s != null && !contains(out, n, s)) {
                    out[n++] = s;
                }
            }
            return Arrays.copyOf(out, n);
        }
        int[] out = new int[count];
        int n = 0;
        for (int tries = 0; n < count && tries < count * 6; tries++) {
            double x = l.rng.nextDouble();
            int s = -1;
            if (x < 0.25) {
                s = l.fromRotation();
            } else if (x < 0.35) {
                s = fromFriend(l);
            } else if (x < 0.40) {
                s = fromFresh(l);
            } else if (x < 0.55) {
                s = c.all.sample(l.rng);
            }
            if (s < 0) {
                s = l.taste.sampleSong(c, l.rng, today);
            }
            if (s < 0 || !c.isReleased(s, today) || contains(out, n, s)
                    || ("fm".equals(scene) && l.playedSince(s, now - 2 * HOUR_MS))) {
                continue;
            }
            out[n++] = s;
        }
        return Arrays.copyOf(out, n);
    }

    private int fromFriend(Listener l) {
        int[] fs = w.friends[l.index];
        for (int k = 0; k < 3 && fs.length > 0; k++) {
            int s = listeners[fs[l.rng.nextInt(fs.length)]].recentLike(today - 14);
            if (s >= 0) {
                return s;
            }
        }
        return -1;
    }

    private int fromFresh(Listener l) {
        if (fresh.isEmpty()) {
            return -1;
        }
        int best = -1;
        double bestMatch = -1;
        for (int k = 0; k < 3; k++) {
            int s = fresh.sample(l.rng);
            double m = l.taste.match(c, s);
            if (m > bestMatch) {
                bestMatch = m;
                best = s;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- events

    private void song(Listener l, int s, Action a, String scene) {
        emit(l, c.ids[s], ItemType.SONG, a, Event.UNKNOWN, Event.UNKNOWN, scene);
    }

    private void song(Listener l, int s, Action a, long pos, long dur, String scene) {
        emit(l, c.ids[s], ItemType.SONG, a, pos, dur, scene);
    }

    private void emit(Listener l, String item, ItemType type, Action a, long pos, long dur, String scene) {
        long ts = Math.max(now, l.lastTs);
        now = ts;
        buffer.add(new Pending(ts, l.index, l.seq++, item, type, a, pos, dur, scene));
        l.lastTs = ts;
        l.events++;
        sessionEvents++;
    }

    private static final Comparator<Pending> ORDER = Comparator.comparingLong(Pending::ts)
            .thenComparingInt(Pending::user).thenComparingLong(Pending::seq);

    private void flush(long before) {
        buffer.sort(ORDER);
        int cut = 0;
        while (cut < buffer.size() && buffer.get(cut).ts() < before) {
            Pending p = buffer.get(cut++);
            emitted++;
            sink.accept(new Event("sim-" + cfg.seed() + "-" + emitted, w.userIds[p.user()], p.item(), p.type(), p.action(),
                    p.pos(), p.dur(), p.scene(), p.ts()));
        }
        buffer.subList(0, cut).clear();
    }

    private record Pending(long ts, int user, long seq, String item, ItemType type, Action action, long pos, long dur,
                           String scene) {}

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    private static void addOnce(List<Integer> list, int v) {
        if (!list.contains(v)) {
            list.add(v);
        }
    }

    private boolean byFriend(Listener l, int mlog) {
        return Arrays.binarySearch(w.friends[l.index], w.mlogCreator[mlog]) >= 0;
    }

    private String clipId(int x, boolean mlog) {
        return mlog ? w.mlogIds[x] : w.videoIds[x];
    }

    // ---------------------------------------------------------------- summary

    private SimSummary summary(PopularityPrior prior) {
        long endMs = cfg.startMillis() + cfg.days() * SimConfig.DAY_MS;
        List<Integer> perListener = new ArrayList<>();
        double weekly = 0;
        long listenerEvents = 0;
        for (Listener l : listeners) {
            if (l.sessions == 0) {
                continue;
            }
            perListener.add(l.sessions);
            listenerEvents += l.events;
            long from = Math.max(cfg.startMillis(), w.registeredAt[l.index]);
            double weeks = Math.max(1.0, (endMs - from) / (double) SimConfig.DAY_MS) / 7.0;
            weekly += l.sessions / weeks;
        }
        int n = perListener.size();
        perListener.sort(Integer::compare);
        double median = n == 0 ? Double.NaN
                : n % 2 == 1 ? perListener.get(n / 2) : (perListener.get(n / 2 - 1) + perListener.get(n / 2)) / 2.0;
        long[] artistPlays = new long[c.artistNames.length];
        for (int s = 0; s < songPlays.length; s++) {
            int a = c.primaryArtist(s);
            if (a >= 0) {
                artistPlays[a] += songPlays[s];
            }
        }
        return new SimSummary(cfg.seed(), cfg.days(), cfg.users(), n, sessions,
                n == 0 ? Double.NaN : sessions / (double) n, median, n == 0 ? Double.NaN : weekly / n,
                emitted, n == 0 ? Double.NaN : listenerEvents / (double) n,
                plays, ratio(skips, plays), ratio(completes, plays), ratio(likes, plays), ratio(repeats, plays),
                videoPlays, mlogPlays,
                PopularityPrior.longTailShare(songPlays, PopularityPrior.HEAD_SHARE),
                PopularityPrior.longTailShare(artistPlays, PopularityPrior.HEAD_SHARE),
                PopularityPrior.fitExponent(artistPlays, PopularityPrior.fitRanks(artistPlays)),
                prior.exponent(), prior.hetrecLongTailShare().orElse(Double.NaN), prior.source());
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : a / (double) b;
    }
}
