package io.melograph.scene;

import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Listeners' profile time zones read lately, so that serving a stored Daily list costs no graph query. An entry is
 * read again after {@link #TTL_MS} (covers a change made elsewhere, e.g. an import; onboarding tells of its own
 * change with {@link #forget}); expired entries are let go once the map grows past a bound, so memory follows the
 * listeners of the last minutes, not everyone ever served.
 */
final class ProfileZones {
    static final long TTL_MS = 10 * 60_000;
    /** Entries held above which expired ones are let go. */
    static final int PRUNE_ABOVE = 10_000;

    private record Read(ZoneId zone, long at) {}

    private final ConcurrentHashMap<String, Read> zones = new ConcurrentHashMap<>();
    private final int pruneAbove;
    private volatile int nextPrune;

    ProfileZones() {
        this(PRUNE_ABOVE);
    }

    ProfileZones(int pruneAbove) {
        this.pruneAbove = pruneAbove;
        this.nextPrune = pruneAbove;
    }

    /** The listener's zone: remembered, or read with {@code read} when unknown or older than {@link #TTL_MS}. */
    ZoneId get(String userId, long now, Function<String, ZoneId> read) {
        Read known = zones.get(userId);
        if (known == null || now - known.at() > TTL_MS || now < known.at()) {
            known = new Read(read.apply(userId), now);
            zones.put(userId, known);
            if (zones.size() > nextPrune) {
                zones.values().removeIf(z -> now - z.at() > TTL_MS);
                nextPrune = Math.max(pruneAbove, 2 * zones.size()); // a prune per doubling at most
            }
        }
        return known.zone();
    }

    void forget(String userId) {
        zones.remove(userId);
    }

    int size() {
        return zones.size();
    }
}
