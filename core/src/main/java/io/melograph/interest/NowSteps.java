package io.melograph.interest;

import io.melograph.events.Action;
import io.melograph.events.ItemType;

import java.util.ArrayList;
import java.util.List;

/**
 * A listener's latest songs as the short-term (real-time) interest model reads them: one step per song played, with
 * how that play ended (the events of one play, a start then a complete or a skip and maybe a like, are one step) and
 * when it began. Built from events in time order; songs only.
 */
public final class NowSteps {
    /** How a play ended, the model's action embeddings: started only, finished, skipped, liked (saved, shared), disliked. */
    public static final int PLAYED = 0, COMPLETED = 1, SKIPPED = 2, LIKED = 3, DISLIKED = 4, OUTCOMES = 5;
    public static final List<String> OUTCOME_NAMES = List.of("play", "complete", "skip", "like", "dislike");

    /** One play of a song. */
    public record Step(String song, int outcome, long ts) {
        /** Whether the listener took to the song in this play (a target the model learns to predict). */
        public boolean taken() {
            return outcome == COMPLETED || outcome == LIKED;
        }
    }

    private final List<Step> steps = new ArrayList<>();

    /** Adds an event (oldest first); other items and impressions or clicks are left out. */
    public NowSteps add(String itemId, ItemType type, Action action, long ts) {
        int outcome = outcome(action);
        if (type != ItemType.SONG || outcome < 0) {
            return this;
        }
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (last != null && last.song().equals(itemId) && action != Action.PLAY) {
            // the same play going on: the strongest ending counts (a dislike over a like over a skip over a complete)
            steps.set(steps.size() - 1, new Step(itemId, rank(outcome) > rank(last.outcome()) ? outcome : last.outcome(), last.ts()));
        } else {
            steps.add(new Step(itemId, outcome, ts));
        }
        return this;
    }

    public List<Step> steps() {
        return steps;
    }

    /** The outcome an action says, or −1 when it says nothing about the play (an impression, a click). */
    static int outcome(Action a) {
        return switch (a) {
            case PLAY -> PLAYED;
            case COMPLETE -> COMPLETED;
            case SKIP -> SKIPPED;
            case LIKE, SAVE, SHARE -> LIKED;
            case UNLIKE -> SKIPPED;
            case DISLIKE -> DISLIKED;
            case IMPRESSION, CLICK -> -1;
        };
    }

    private static int rank(int outcome) {
        return switch (outcome) {
            case PLAYED -> 0;
            case COMPLETED -> 1;
            case SKIPPED -> 2;
            case LIKED -> 3;
            default -> 4;
        };
    }

    /** Recency buckets of a step before the moment the model looks from: 10 min, 1 h, 6 h, 1 day, 1 week, older. */
    public static final int RECENCIES = 6;
    private static final long[] RECENCY_EDGES = {10 * 60_000L, 3_600_000L, 6 * 3_600_000L, 86_400_000L, 7 * 86_400_000L};

    public static int recency(long gapMillis) {
        for (int b = 0; b < RECENCY_EDGES.length; b++) {
            if (gapMillis < RECENCY_EDGES[b]) {
                return b;
            }
        }
        return RECENCY_EDGES.length;
    }
}
