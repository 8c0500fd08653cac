package io.melograph.eval.replay;

import io.melograph.recall.Candidate;
import io.melograph.recall.ListenerContext;
import io.melograph.recall.RecallChannel;
import io.melograph.recall.WrappedChannel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A channel that answers the same context the same way without asking again: while the tuner tries fusion weights,
 * quotas and shares on one frozen state, each listener's channels run once (the graph does not change between tries).
 */
final class MemoChannel extends WrappedChannel {
    private record Key(ListenerContext context, int limit) {}

    private final Map<Key, List<Candidate>> answers = new ConcurrentHashMap<>();

    MemoChannel(RecallChannel channel) {
        super(channel);
    }

    @Override
    public List<Candidate> recall(ListenerContext context, int limit, Duration budget) {
        Key key = new Key(context, limit);
        List<Candidate> known = answers.get(key);
        if (known != null) {
            return known;
        }
        List<Candidate> fresh = List.copyOf(channel.recall(context, limit, budget)); // a timeout is not remembered
        answers.put(key, fresh);
        return fresh;
    }
}
