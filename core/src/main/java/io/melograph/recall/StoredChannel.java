package io.melograph.recall;

import io.melograph.neighbours.Neighbour;
import io.melograph.neighbours.NeighbourStore;
import io.melograph.util.Best;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An item channel answering a listener by merging: each seed's stored neighbour list in this channel (seed songs; seed
 * artists and watched videos where the channel starts from them), weighted by the seed and summed per candidate (the
 * graph query sums the same way), what the request leaves out dropped before the list is cut. The sentence and path
 * are those of the seed that contributed most (friends' favourites: the listener's own list, what the request leaves
 * out dropped before the cut). Seeds the store does not hold (songs added since the build, lists the
 * build could not compute) are asked of the graph within the budget, and both answers summed; with every seed
 * stored, no graph at all.
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
        if (item.startsFromListener()) { // the listener's own list, computed with nothing left out
            if (context.userId() == null || !merge(List.of(new ListenerContext.Seed(context.userId(), null, 1.0, 0)), merged, leaveOut).isEmpty()) {
                return item.recall(context, limit, budget);
            }
            return item.candidates(best(merged, limit), context);
        }
        // a channel starting from watched videos reads the seed songs only to leave them out
        List<ListenerContext.Seed> songs = item.readsWatchedSeeds() ? List.of() : merge(context.songs(), merged, leaveOut);
        // artist seeds: from the store where the channel starts from artists; a channel that does not (the vector
        // channel, which reads them only without song seeds) gets them from the graph as before
        boolean artistsStored = item.readsArtistSeeds();
        List<ListenerContext.Seed> artists = artistsStored ? merge(context.artists(), merged, leaveOut)
                : !context.artists().isEmpty() && context.songs().isEmpty() ? context.artists() : List.of();
        List<ListenerContext.Seed> watched = item.readsWatchedSeeds() ? merge(context.watched(), merged, leaveOut) : List.of();
        Map<String, Candidate> out = new HashMap<>();
        for (Candidate c : item.candidates(best(merged, limit), context)) {
            out.put(c.itemId(), c);
        }
        if (!songs.isEmpty() || !artists.isEmpty() || !watched.isEmpty()) {
            ListenerContext rest = new ListenerContext(context.userId(), songs, artists, new ArrayList<>(leaveOut), watched);
            for (Candidate c : item.recall(rest, limit, budget)) {
                out.merge(c.itemId(), c, StoredChannel::sum);
            }
        }
        return out.values().stream().sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::itemId))
                .limit(limit).toList();
    }

    /** Adds the stored lists of these seeds to {@code merged}; returns the seeds the store has no list for. */
    private List<ListenerContext.Seed> merge(List<ListenerContext.Seed> seeds, Map<String, Merged> merged, Set<String> leaveOut) {
        List<ListenerContext.Seed> unstored = new ArrayList<>();
        for (ListenerContext.Seed seed : seeds) {
            var list = store.entries(name(), seed.id());
            if (list.isEmpty()) {
                unstored.add(seed);
                continue;
            }
            NeighbourStore.Entries entries = list.get();
            for (int i = 0; i < entries.size(); i++) {
                String id = entries.id(i);
                if (!leaveOut.contains(id)) {
                    merged.computeIfAbsent(id, k -> new Merged()).add(seed.weight() * entries.score(i), entries.support(i), entries, i);
                }
            }
        }
        return unstored;
    }

    /** One candidate found from two sides: the scores add up, the stronger side says why. */
    private static Candidate sum(Candidate a, Candidate b) {
        Candidate strong = a.score() >= b.score() ? a : b;
        return new Candidate(strong.itemId(), strong.itemType(), strong.name(), a.score() + b.score(), strong.channel(),
                strong.reason(), strong.path());
    }

    /** The {@code limit} strongest merged candidates, each as its strongest seed's neighbour with the summed score. */
    private static List<Neighbour> best(Map<String, Merged> merged, int limit) {
        return Best.of(merged.entrySet(), limit,
                        Comparator.comparingDouble((Map.Entry<String, Merged> e) -> -e.getValue().score).thenComparing(Map.Entry::getKey))
                .stream()
                .map(e -> {
                    Merged m = e.getValue();
                    Neighbour n = m.via.neighbour(m.viaEntry); // only the winners are told in full
                    return new Neighbour(n.id(), n.type(), n.name(), m.score, n.path(), n.names(), m.support, n.detail());
                }).toList();
    }

    private static final class Merged {
        double score;
        long support;
        double strongest = Double.NEGATIVE_INFINITY;
        NeighbourStore.Entries via;
        int viaEntry;

        void add(double contribution, long entrySupport, NeighbourStore.Entries list, int entry) {
            score += contribution;
            support += entrySupport;
            if (contribution > strongest) {
                strongest = contribution;
                via = list;
                viaEntry = entry;
            }
        }
    }
}
