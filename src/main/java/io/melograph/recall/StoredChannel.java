package io.melograph.recall;

import io.melograph.neighbours.Neighbour;
import io.melograph.neighbours.NeighbourStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An item channel answering a listener by merging: each seed song's stored neighbour list in this channel, weighted by
 * the seed and summed per candidate (the graph query sums the same way), what the request leaves out dropped before
 * the list is cut. The sentence and path are those of the seed that contributed most. Seeds the store does not hold
 * (songs added since the build, lists the build could not compute) and the artist seeds of a channel that reads them
 * are asked of the graph within the budget, and both answers summed; with every seed stored, no graph at all.
 */
final class StoredChannel extends WrappedChannel {
    private final ItemChannel item;
    private final NeighbourStore store;

    StoredChannel(ItemChannel channel, NeighbourStore store) {
        super(channel);
        this.item = channel;
        this.store = store;
    }

    @Override
    public String answered() {
        return RecallService.STORED;
    }

    @Override
    public List<Candidate> recall(ListenerContext context, int limit, Duration budget) {
        Set<String> leaveOut = new HashSet<>(context.exclude());
        context.songs().forEach(s -> leaveOut.add(s.id()));
        Map<String, Merged> merged = new HashMap<>();
        List<ListenerContext.Seed> unstored = new ArrayList<>();
        for (ListenerContext.Seed seed : context.songs()) {
            var list = store.neighbours(name(), seed.id());
            if (list.isEmpty()) {
                unstored.add(seed);
                continue;
            }
            for (Neighbour n : list.get()) {
                if (!leaveOut.contains(n.id())) {
                    merged.computeIfAbsent(n.id(), k -> new Merged()).add(seed.weight() * n.score(), n);
                }
            }
        }
        Map<String, Candidate> out = new HashMap<>();
        for (Candidate c : item.candidates(best(merged, limit), context)) {
            out.put(c.itemId(), c);
        }
        boolean artists = !context.artists().isEmpty() && (item.readsArtistSeeds() || context.songs().isEmpty());
        if (!unstored.isEmpty() || artists) {
            ListenerContext rest = new ListenerContext(context.userId(), unstored, artists ? context.artists() : List.of(),
                    new ArrayList<>(leaveOut), context.watched());
            for (Candidate c : item.recall(rest, limit, budget)) {
                out.merge(c.itemId(), c, StoredChannel::sum);
            }
        }
        return out.values().stream().sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::itemId))
                .limit(limit).toList();
    }

    /** One candidate found from two sides: the scores add up, the stronger side says why. */
    private static Candidate sum(Candidate a, Candidate b) {
        Candidate strong = a.score() >= b.score() ? a : b;
        return new Candidate(strong.itemId(), strong.itemType(), strong.name(), a.score() + b.score(), strong.channel(),
                strong.reason(), strong.path());
    }

    /** The {@code limit} strongest merged candidates, each as its strongest seed's neighbour with the summed score. */
    private static List<Neighbour> best(Map<String, Merged> merged, int limit) {
        return merged.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Merged> e) -> -e.getValue().score).thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> {
                    Merged m = e.getValue();
                    Neighbour n = m.via;
                    return new Neighbour(n.id(), n.type(), n.name(), m.score, n.path(), n.names(), m.support, n.detail());
                }).toList();
    }

    private static final class Merged {
        double score;
        long support;
        double strongest = Double.NEGATIVE_INFINITY;
        Neighbour via;

        void add(double contribution, Neighbour n) {
            score += contribution;
            support += n.support();
            if (contribution > strongest) {
                strongest = contribution;
                via = n;
            }
        }
    }
}
