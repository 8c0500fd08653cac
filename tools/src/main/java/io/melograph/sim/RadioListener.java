package io.melograph.sim;

import io.melograph.events.Action;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One simulated listener of a live radio (Private FM), reacting song by song with the simulator's own behaviour model
 * ({@link Behaviour}, scene "fm") and the taste and traits the world gave them: a stranger is mostly skipped, a close
 * match mostly completed and sometimes liked. Unlike a listener inside a {@link SimRun} it has no heavy rotation
 * (affinity 0) and, since the radio never repeats a song within a session, nothing was played in the last two hours;
 * it remembers only its own likes of this session. Deterministic for a given seed and sequence of songs.
 */
public final class RadioListener {
    /**
     * How the listener reacted to one song.
     *
     * @param match      the taste match in [0, 1] (0 for a song outside the simulator's catalog)
     * @param stoppedAtMs where the play stopped: the skip position, or the song's length when completed
     * @param liked      liked after completing it (at most once per song)
     * @param saved      saved to the library after completing it
     * @param disliked   marked "not interested" after an early skip
     */
    public record Reaction(String songId, boolean known, double match, boolean skipped, long stoppedAtMs, long durationMs,
                           boolean liked, boolean saved, boolean disliked) {
        /** What the listener told the app after playing: skip or complete, then like, save or dislike, in that order. */
        public List<Action> feedback() {
            List<Action> out = new ArrayList<>(List.of(skipped ? Action.SKIP : Action.COMPLETE));
            if (liked) {
                out.add(Action.LIKE);
            }
            if (saved) {
                out.add(Action.SAVE);
            }
            if (disliked) {
                out.add(Action.DISLIKE);
            }
            return out;
        }
    }

    private final World world;
    private final int index;
    private final SplittableRandom rng;
    private final Set<Integer> likedHere = new HashSet<>();

    RadioListener(World world, int index, long seed) {
        this.world = world;
        this.index = index;
        // the listener's own stream: the same seed and songs give the same reactions, whatever other listeners hear
        this.rng = new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + index);
    }

    public String userId() {
        return world.userIds[index];
    }

    /** Plays one song to the end or to a skip. */
    public Reaction hear(String songId) {
        Integer s = world.catalog.indexById.get(songId);
        if (s == null) {
            // not a song the simulator knows: a stranger, heard for 10 s
            return new Reaction(songId, false, 0, true, 10_000, 10_000, false, false, false);
        }
        double m = world.tastes[index].match(world.catalog, s);
        long duration = world.catalog.durationMs[s];
        boolean liked = likedHere.contains(s);
        if (Rand.chance(rng, Behaviour.skip(m, world.skipTrait[index], liked, 0, false, "fm", 0))) {
            long pos = Behaviour.skipPositionMs(rng, m, duration);
            boolean dislike = !liked && pos < 30_000 && Rand.chance(rng, Behaviour.dislike(m));
            return new Reaction(songId, true, m, true, pos, duration, false, false, dislike);
        }
        boolean like = !liked && Rand.chance(rng, Behaviour.like(m, 0, world.likeTrait[index]));
        if (like) {
            likedHere.add(s);
        }
        boolean save = Rand.chance(rng, Behaviour.save(m));
        return new Reaction(songId, true, m, false, duration, duration, like, save, false);
    }
}
