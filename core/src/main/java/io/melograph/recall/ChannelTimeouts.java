package io.melograph.recall;

/**
 * How many of the latest channel answers ran out of their time budget: a ring of the last {@link #WINDOW} answers,
 * whatever asked (requests, background refills, the warm-up). Recall is only called warm while this share is low.
 */
final class ChannelTimeouts {
    static final int WINDOW = 500;

    private final boolean[] timedOut = new boolean[WINDOW];
    private int next;
    private int count;
    private int timeouts;

    synchronized void record(boolean timeout) {
        if (count == WINDOW && timedOut[next]) {
            timeouts--;
        }
        timedOut[next] = timeout;
        if (timeout) {
            timeouts++;
        }
        next = (next + 1) % WINDOW;
        count = Math.min(WINDOW, count + 1);
    }

    /** Answers in the window. */
    synchronized int answers() {
        return count;
    }

    /** Share of the window's answers that timed out (0 when there are none). */
    synchronized double share() {
        return count == 0 ? 0 : (double) timeouts / count;
    }
}
