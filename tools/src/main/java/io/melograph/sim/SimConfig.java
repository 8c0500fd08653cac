package io.melograph.sim;

import io.melograph.events.Ids;

/**
 * What to simulate.
 *
 * @param users          number of simulated listeners, at least 1
 * @param days           number of simulated days, at least 1
 * @param seed           the seed of every random decision; the same catalog, config and seed give the same events
 * @param startMillis    UTC midnight of day 1, epoch milliseconds
 * @param sessionsPerDay mean listening sessions per listener per day, before the per-listener activity level and the
 *                       day-of-week factor (both average 1)
 * @param friendsPerUser mean number of friends per listener (friend links are mutual)
 * @param videos         number of synthetic music videos
 * @param mlogs          number of synthetic MLOGs (short user clips over songs)
 * @param playlists      number of synthetic user playlists
 * @param run            names the run in every synthetic id ({@code sim:RUN:user:0001}), so runs with other seeds do
 *                       not reuse each other's listeners; empty for the demo community ({@code sim:user:0001})
 * @param sessionEffects session moods and skips that depend on the previous song ({@code Behaviour}); off by default,
 *                       so the demo community and every journal measured before they existed stay as they were
 */
public record SimConfig(int users, int days, long seed, long startMillis, double sessionsPerDay,
                        double friendsPerUser, int videos, int mlogs, int playlists, String run, boolean sessionEffects) {

    /** 2024-01-01T00:00Z, a Monday: the default first simulated day (a fixed date, never the clock). */
    public static final long DEFAULT_START_MILLIS = 1_704_067_200_000L;

    static final long DAY_MS = 86_400_000L;

    public SimConfig {
        if (users < 1 || users > 9_999_999) {
            throw new IllegalArgumentException("users must be in [1, 9999999], got " + users);
        }
        if (days < 1 || days > 3_660) {
            throw new IllegalArgumentException("days must be in [1, 3660], got " + days);
        }
        if (Math.floorMod(startMillis, DAY_MS) != 0) {
            throw new IllegalArgumentException("startMillis must be a UTC midnight, got " + startMillis);
        }
        if (!(sessionsPerDay > 0 && sessionsPerDay <= 50)) {
            throw new IllegalArgumentException("sessionsPerDay must be in (0, 50], got " + sessionsPerDay);
        }
        if (!(friendsPerUser >= 0 && friendsPerUser <= 1_000)) {
            throw new IllegalArgumentException("friendsPerUser must be in [0, 1000], got " + friendsPerUser);
        }
        if (videos < 0 || mlogs < 0 || playlists < 0) {
            throw new IllegalArgumentException("videos, mlogs and playlists must not be negative");
        }
        if (run == null || !run.matches("[a-z0-9-]{0,32}")) {
            throw new IllegalArgumentException("a run name is up to 32 lower-case letters, digits and dashes, got '" + run + "'");
        }
    }

    /** How every synthetic id of this run starts: {@code sim:} for the demo, {@code sim:RUN:} for a named run. */
    public String idPrefix() {
        return idPrefix(run);
    }

    /** How every synthetic id of the named run starts (empty: the demo's). */
    public static String idPrefix(String run) {
        return run.isEmpty() ? Ids.SYNTHETIC_PREFIX : Ids.SYNTHETIC_PREFIX + run + ":";
    }

    /**
     * One session a day on average (so several a week for a typical listener), 8 friends each, and one video per 10
     * listeners, one MLOG per 4 and one playlist per 3 (at least 10 of each), starting 2024-01-01.
     */
    public static SimConfig defaults(int users, int days, long seed) {
        return new SimConfig(users, days, seed, DEFAULT_START_MILLIS, 1.0, 8.0,
                Math.max(10, users / 10), Math.max(10, users / 4), Math.max(10, users / 3), "", false);
    }

    /** 300 listeners, 28 days, seed 42. */
    public static SimConfig defaults() {
        return defaults(300, 28, 42L);
    }

    /** The same config with another seed. */
    public SimConfig withSeed(long newSeed) {
        return new SimConfig(users, days, newSeed, startMillis, sessionsPerDay, friendsPerUser, videos, mlogs, playlists, run,
                sessionEffects);
    }

    /** The same config with session moods and previous-song skip effects on or off. */
    public SimConfig withSessionEffects(boolean on) {
        return new SimConfig(users, days, seed, startMillis, sessionsPerDay, friendsPerUser, videos, mlogs, playlists, run, on);
    }

    long startEpochDay() {
        return Math.floorDiv(startMillis, DAY_MS);
    }
}
