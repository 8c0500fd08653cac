package io.melograph.rank.deep;

import io.melograph.rank.BehaviourSequences;
import io.melograph.rank.Exposure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch of exposures as index arrays for the deep rankers. Every song the batch mentions (targets and histories)
 * is listed once ({@link #songs}), as are their artists and the batch's users, so a step gathers each embedding row
 * once and the network indexes those local rows. Histories are right-aligned in {@link BehaviourSequences#LENGTH}
 * slots per behaviour, padded with local song 0 and masked.
 */
final class RankingBatch {
    static final int L = BehaviourSequences.LENGTH;
    static final int KINDS = BehaviourSequences.Kind.values().length;
    /** Sessions told apart in a history: 0 (the exposure's own) to 6 back, then 7 for "7 or more back". */
    static final int SESSIONS = 8;

    final int size;
    /** Distinct songs (global indices), their artists (local rows of {@link #artists}), their genres (rows, 0 = pad). */
    final long[] songs;
    final int[] songArtist;
    final int[] songGenres;
    final float[] songGenreMask;
    final long[] artists;
    final long[] users;
    /** Per exposure: local indices of the target and user, and the context rows. */
    final int[] target;
    final int[] user;
    final int[] scene;
    final int[] hour;
    final int[] position;
    final float[] popularity;
    /**
     * Rows of the history arrays: {@link #size}, or 1 when every exposure has the same history (one listener's
     * candidates at serving time), which the network then computes once and broadcasts.
     */
    final int historyRows;
    /** Per behaviour kind: [historyRows × L] local song indices and mask. */
    final int[][] history = new int[KINDS][];
    final float[][] historyMask = new float[KINDS][];
    /** Per behaviour kind: [historyRows × L] how many sessions before the exposure's own each song was, capped at {@link #SESSIONS} − 1. */
    final int[][] historySessions = new int[KINDS][];
    /** The wide part: distinct hashed buckets, and per exposure [size × {@link #wideWidth}] local indices and mask. */
    final long[] buckets;
    final int wideWidth;
    final int[] wide;
    final float[] wideMask;

    RankingBatch(List<Exposure> exposures, RankingVocabulary v) {
        this(exposures, v, false);
    }

    /** @param shareHistory read one history when every exposure carries the same one (scoring; training keeps a row each) */
    RankingBatch(List<Exposure> exposures, RankingVocabulary v, boolean shareHistory) {
        size = exposures.size();
        historyRows = shareHistory && !exposures.isEmpty() && exposures.stream().allMatch(x -> x.history() == exposures.get(0).history())
                ? 1 : size;
        Map<Integer, Integer> localSongs = new LinkedHashMap<>();
        Map<Integer, Integer> localUsers = new LinkedHashMap<>();
        target = new int[size];
        user = new int[size];
        scene = new int[size];
        hour = new int[size];
        position = new int[size];
        popularity = new float[size];
        for (int k = 0; k < KINDS; k++) {
            history[k] = new int[historyRows * L];
            historyMask[k] = new float[historyRows * L];
            historySessions[k] = new int[historyRows * L];
        }
        for (int e = 0; e < size; e++) {
            Exposure x = exposures.get(e);
            target[e] = localSongs.computeIfAbsent(x.item(), s -> localSongs.size());
            user[e] = localUsers.computeIfAbsent(x.user(), s -> localUsers.size());
            scene[e] = v.scene(x.scene());
            hour[e] = RankingVocabulary.hour(x.ts());
            position[e] = RankingVocabulary.position(x.sessionPosition());
            popularity[e] = v.popularity(x.item());
            for (int k = 0; k < KINDS && e < historyRows; k++) {
                int[] seq = x.history().songs()[k];
                int[] back = x.history().sessionsBack()[k];
                int n = Math.min(L, seq.length);
                for (int j = 0; j < n; j++) {
                    int song = seq[seq.length - n + j];
                    if (song < 0 || song >= v.items()) {
                        continue;
                    }
                    history[k][e * L + (L - n + j)] = localSongs.computeIfAbsent(song, s -> localSongs.size());
                    historyMask[k][e * L + (L - n + j)] = 1f;
                    historySessions[k][e * L + (L - n + j)] = Math.min(SESSIONS - 1, back[seq.length - n + j]);
                }
            }
        }
        songs = localSongs.keySet().stream().mapToLong(Integer::longValue).toArray();
        Map<Integer, Integer> localArtists = new LinkedHashMap<>();
        songArtist = new int[songs.length];
        songGenres = new int[songs.length * RankingVocabulary.GENRES];
        songGenreMask = new float[songs.length * RankingVocabulary.GENRES];
        for (int s = 0; s < songs.length; s++) {
            songArtist[s] = localArtists.computeIfAbsent(v.artistOf((int) songs[s]), a -> localArtists.size());
            int[] g = v.genresOf((int) songs[s]);
            for (int j = 0; j < g.length; j++) {
                songGenres[s * RankingVocabulary.GENRES + j] = g[j];
                songGenreMask[s * RankingVocabulary.GENRES + j] = 1f;
            }
        }
        artists = localArtists.keySet().stream().mapToLong(Integer::longValue).toArray();
        users = localUsers.keySet().stream().mapToLong(Integer::longValue).toArray();
        int[][] hashed = new int[size][];
        int width = 1;
        for (int e = 0; e < size; e++) {
            hashed[e] = v.wide(exposures.get(e));
            width = Math.max(width, hashed[e].length);
        }
        wideWidth = width;
        wide = new int[size * width];
        wideMask = new float[size * width];
        Map<Integer, Integer> localBuckets = new LinkedHashMap<>();
        for (int e = 0; e < size; e++) {
            for (int j = 0; j < hashed[e].length; j++) {
                wide[e * width + j] = localBuckets.computeIfAbsent(hashed[e][j], x -> localBuckets.size());
                wideMask[e * width + j] = 1f;
            }
        }
        if (localBuckets.isEmpty()) {
            localBuckets.put(0, 0);
        }
        buckets = localBuckets.keySet().stream().mapToLong(Integer::longValue).toArray();
    }
}
