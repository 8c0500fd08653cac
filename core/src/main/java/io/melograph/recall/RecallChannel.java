package io.melograph.recall;

import java.time.Duration;
import java.util.List;

/**
 * One way of finding candidates for a listener: a multi-hop graph query, a vector search, an interest model. Every
 * channel takes the same context (who, and what they love: seed songs and artists with weights from long-term history
 * and the live session) and answers scored candidates, each with the path or rule that produced it, so any
 * recommendation can say why. A channel must stay within its time budget (the query is cancelled past it) and bound
 * its fan-out at every hop.
 */
public interface RecallChannel {

    /** Stable name used in requests, responses and reports ({@code kg-same-artist}, {@code vector}, ...). */
    String name();

    /** What the channel does, in one line, for the API docs and reports. */
    String description();

    /**
     * Candidates for the listener, best first, at most {@code limit}, never the seed items themselves.
     *
     * @throws RecallTimeoutException when the budget ran out
     */
    List<Candidate> recall(ListenerContext context, int limit, Duration budget);

    /** The status of an answer in time: {@code ok}, or {@code stored} when it came from the neighbour store. */
    default String answered() {
        return "ok";
    }
}
