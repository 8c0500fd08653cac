package io.melograph.recall;

import java.time.Duration;

/** A channel ran out of its time budget; fusion drops it and says so. */
public final class RecallTimeoutException extends RuntimeException {
    public RecallTimeoutException(String channel, Duration budget, Throwable cause) {
        super(channel + " ran out of its " + budget.toMillis() + " ms budget", cause);
    }
}
