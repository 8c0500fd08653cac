package io.melograph.eval.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the replay splits time: one instant T for everyone, or per listener their last N days. What each listener did
 * in {@code [cut, cut + horizon)} is held out and scored; everything before the cut builds the state.
 */
public record ReplayCut(Instant at, Duration lastDays, Duration horizon) {

    public ReplayCut {
        if ((at == null) == (lastDays == null)) {
            throw new IllegalArgumentException("give either a cut time or a number of last days");
        }
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the held-out window must be positive");
        }
    }

    public static ReplayCut at(Instant t, Duration horizon) {
        return new ReplayCut(t, null, horizon);
    }

    /** Each listener's last {@code days} days are held out (the horizon is those days). */
    public static ReplayCut lastDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("--last-days must be at least 1");
        }
        return new ReplayCut(null, Duration.ofDays(days), Duration.ofDays(days));
    }

    /** The cut of a listener whose newest event is at {@code lastTs}. */
    long cutOf(long lastTs) {
        return at != null ? at.toEpochMilli() : lastTs - lastDays.toMillis() + 1;
    }

    /** The same kind of cut one horizon earlier: the validation window, which the test window never touches. */
    public ReplayCut validation() {
        return at != null ? at(at.minus(horizon), horizon) : new ReplayCut(null, lastDays.plus(horizon), horizon);
    }

    public String describe() {
        return at != null ? "cut at " + at + ", held out " + horizon.toDays() + " days after it"
                : "each listener's last " + lastDays.toDays() + " days held out";
    }
}
