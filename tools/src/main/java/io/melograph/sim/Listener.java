package io.melograph.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One listener's changing state during a run, kept small and bounded except for the sets of songs played and liked
 * (which grow with distinct songs, a few hundred per listener per month).
 * <p>
 * <b>Heavy rotation</b>: up to {@value #ROTATION} songs with an affinity: +1 per complete, +2 per like, −1.5 per skip,
 * ×0.97 per day; a song enters on its first complete (evicting the weakest when full) and leaves at affinity ≤ 0.
 * Exposures draw from it in proportion to affinity: that is how music gets replayed.
 */
final class Listener {
    static final int ROTATION = 40;
    static final int LIKES = 16;
    static final int RECENT = 20;

    final int index;
    final SplittableRandom rng;
    final Taste taste;

    final int[] rotationSong = new int[ROTATION];
    final double[] rotationAffinity = new double[ROTATION];
    int rotationSize;

    final int[] likeSong = new int[LIKES];   // ring of recent likes
    final long[] likeDay = new long[LIKES];
    int likeCount;
    int likeNext;

    final int[] recentSong = new int[RECENT]; // ring of recent plays
    final long[] recentTs = new long[RECENT];
    int recentCount;
    int recentNext;

    final IntSet played = new IntSet();
    final IntSet liked = new IntSet();        // songs, then playlists, videos, MLOGs after them (offset keys)

    long lastTs = Long.MIN_VALUE;
    long seq;
    long[] pending = new long[4];             // planned session starts, ascending
    int pendingSize;

    int sessions;
    long events;

    // the current session (SimConfig.sessionEffects): its mood genre (-1: none), and the previous song played in it
    int mood = -1;
    int previousArtist = -1;
    boolean previousSkipped;

    Listener(int index, SplittableRandom rng, Taste taste) {
        this.index = index;
        this.rng = rng;
        this.taste = taste;
    }

    double affinity(int song) {
        for (int i = 0; i < rotationSize; i++) {
            if (rotationSong[i] == song) {
                return rotationAffinity[i];
            }
        }
        return 0;
    }

    void touch(int song, double delta) {
        for (int i = 0; i < rotationSize; i++) {
            if (rotationSong[i] == song) {
                rotationAffinity[i] += delta;
                if (rotationAffinity[i] <= 0) {
                    removeAt(i);
                }
                return;
            }
        }
        if (delta <= 0) {
            return;
        }
        int slot = rotationSize;
        if (rotationSize == ROTATION) {
            slot = 0;
            for (int i = 1; i < rotationSize; i++) {
                if (rotationAffinity[i] < rotationAffinity[slot]) {
                    slot = i;
                }
            }
        } else {
            rotationSize++;
        }
        rotationSong[slot] = song;
        rotationAffinity[slot] = delta;
    }

    void decayRotation(double factor) {
        for (int i = rotationSize - 1; i >= 0; i--) {
            rotationAffinity[i] *= factor;
            if (rotationAffinity[i] < 0.05) {
                removeAt(i);
            }
        }
    }

    private void removeAt(int i) {
        rotationSize--;
        rotationSong[i] = rotationSong[rotationSize];
        rotationAffinity[i] = rotationAffinity[rotationSize];
    }

    /** A song from heavy rotation, drawn by affinity, or -1. */
    int fromRotation() {
        if (rotationSize == 0) {
            return -1;
        }
        double sum = 0;
        for (int i = 0; i < rotationSize; i++) {
            sum += rotationAffinity[i];
        }
        double x = rng.nextDouble() * sum;
        for (int i = 0; i < rotationSize - 1; i++) {
            x -= rotationAffinity[i];
            if (x < 0) {
                return rotationSong[i];
            }
        }
        return rotationSong[rotationSize - 1];
    }

    void rememberLike(int song, long day) {
        likeSong[likeNext] = song;
        likeDay[likeNext] = day;
        likeNext = (likeNext + 1) % LIKES;
        likeCount = Math.min(LIKES, likeCount + 1);
    }

    /** Whether the song was liked on or after {@code sinceDay}. */
    boolean likedSince(int song, long sinceDay) {
        for (int i = 0; i < likeCount; i++) {
            if (likeSong[i] == song && likeDay[i] >= sinceDay) {
                return true;
            }
        }
        return false;
    }

    /** A song liked on or after {@code sinceDay}, or -1. */
    int recentLike(long sinceDay) {
        if (likeCount == 0) {
            return -1;
        }
        int start = rng.nextInt(likeCount);
        for (int k = 0; k < likeCount; k++) {
            int i = (start + k) % likeCount;
            if (likeDay[i] >= sinceDay) {
                return likeSong[i];
            }
        }
        return -1;
    }

    /** Songs liked on or after {@code sinceDay}, in ring order. */
    int[] recentLikes(long sinceDay) {
        int[] out = new int[likeCount];
        int n = 0;
        for (int i = 0; i < likeCount; i++) {
            if (likeDay[i] >= sinceDay) {
                out[n++] = likeSong[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    void rememberPlay(int song, long ts) {
        recentSong[recentNext] = song;
        recentTs[recentNext] = ts;
        recentNext = (recentNext + 1) % RECENT;
        recentCount = Math.min(RECENT, recentCount + 1);
    }

    boolean playedSince(int song, long sinceTs) {
        for (int i = 0; i < recentCount; i++) {
            if (recentSong[i] == song && recentTs[i] >= sinceTs) {
                return true;
            }
        }
        return false;
    }

    void plan(long start) {
        if (pendingSize == pending.length) {
            pending = Arrays.copyOf(pending, pending.length * 2);
        }
        int i = pendingSize++;
        while (i > 0 && pending[i - 1] > start) {
            pending[i] = pending[i - 1];
            i--;
        }
        pending[i] = start;
    }

    long popPending() {
        long first = pending[0];
        System.arraycopy(pending, 1, pending, 0, --pendingSize);
        return first;
    }
}
