package io.melograph.neighbours;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one channel for one seed, summed per candidate as the channel's query sums them; the strongest row
 * names the path (the first among equals). Used where the lists are computed and where a stored seed's vias are
 * read back, so both give the same list.
 */
final class NeighbourRows {
    /** How the nodes the rows name are called. */
    interface Nodes {
        String id(int node);

        String type(int node);

        /** The node's name, null when it has none. */
        String name(int node);
    }

    private final Nodes nodes;
    private final Map<Integer, Row> byCandidate = new LinkedHashMap<>();

    NeighbourRows(Nodes nodes) {
        this.nodes = nodes;
    }

    /** A row whose path runs through {@code prefix} then {@code hub} (-1: no hub). */
    void add(int candidate, double score, long support, double pathWeight, int[] prefix, int hub, String detail) {
        Row r = byCandidate.computeIfAbsent(candidate, k -> new Row());
        r.score += score;
        r.support += support;
        if (r.prefix == null || pathWeight > r.weight) {
            r.weight = pathWeight;
            r.prefix = prefix;
            r.hub = hub;
            r.detail = detail;
        }
    }

    /** The rows the via reaches from the seed through the hub's songs (see {@link Via}). */
    void add(int seed, Via v, int[] hubSongs) {
        int taken = 0;
        for (int i = 0; i < Math.min(v.look(), hubSongs.length) && taken < v.cap(); i++) {
            if (hubSongs[i] != seed) {
                taken++;
                add(hubSongs[i], v.score(), v.support(), v.pathWeight(), v.prefix(), v.hub(), v.detail());
            }
        }
    }

    /** The {@code limit} strongest candidates, ties by id, with their paths from the seed. */
    List<Neighbour> best(int seed, int limit) {
        return byCandidate.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<Integer, Row> e) -> -e.getValue().score)
                        .thenComparing(e -> nodes.id(e.getKey())))
                .limit(limit)
                .map(e -> neighbour(seed, e.getKey(), e.getValue()))
                .toList();
    }

    private Neighbour neighbour(int seed, int c, Row r) {
        List<String> path = new ArrayList<>(r.prefix.length + 3);
        List<String> names = new ArrayList<>(r.prefix.length + 3);
        step(seed, path, names);
        for (int m : r.prefix) {
            if (m != seed) { // an artist seed is its own artist: the path starts at it
                step(m, path, names);
            }
        }
        if (r.hub >= 0 && r.hub != seed) {
            step(r.hub, path, names);
        }
        step(c, path, names);
        return new Neighbour(nodes.id(c), nodes.type(c), nodes.name(c), r.score, path, names, r.support, r.detail);
    }

    private void step(int node, List<String> path, List<String> names) {
        path.add(nodes.id(node));
        String name = nodes.name(node);
        names.add(name == null ? "?" : name);
    }

    private static final class Row {
        double score;
        long support;
        double weight;
        int[] prefix;
        int hub;
        String detail;
    }
}
