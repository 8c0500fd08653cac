package io.melograph.neighbours;

import java.util.Arrays;

/**
 * One kind of link of the in-memory catalog graph, compressed: each node's targets (and a weight and a small kind per
 * link) in one array, in the order the links were added, with an offset per node. Built once from an {@link Builder}.
 */
final class Adjacency {
    private final int[] offsets;
    private final int[] targets;
    private final double[] weights;
    private final byte[] kinds;

    private Adjacency(int[] offsets, int[] targets, double[] weights, byte[] kinds) {
        this.offsets = offsets;
        this.targets = targets;
        this.weights = weights;
        this.kinds = kinds;
    }

    int from(int node) {
        return offsets[node];
    }

    int to(int node) {
        return offsets[node + 1];
    }

    int degree(int node) {
        return offsets[node + 1] - offsets[node];
    }

    int target(int link) {
        return targets[link];
    }

    double weight(int link) {
        return weights[link];
    }

    byte kind(int link) {
        return kinds[link];
    }

    /** The links as they are added (source, target, weight, kind); {@link #build} sorts them by source, stably. */
    static final class Builder {
        private int[] sources = new int[1024];
        private int[] targets = new int[1024];
        private double[] weights = new double[1024];
        private byte[] kinds = new byte[1024];
        private int size;

        void add(int source, int target, double weight, byte kind) {
            if (size == sources.length) {
                int grown = size + (size >> 1);
                sources = Arrays.copyOf(sources, grown);
                targets = Arrays.copyOf(targets, grown);
                weights = Arrays.copyOf(weights, grown);
                kinds = Arrays.copyOf(kinds, grown);
            }
            sources[size] = source;
            targets[size] = target;
            weights[size] = weight;
            kinds[size] = kind;
            size++;
        }

        Adjacency build(int nodes) {
            int[] offsets = new int[nodes + 1];
            for (int i = 0; i < size; i++) {
                offsets[sources[i] + 1]++;
            }
            for (int n = 0; n < nodes; n++) {
                offsets[n + 1] += offsets[n];
            }
            int[] next = Arrays.copyOf(offsets, nodes);
            int[] t = new int[size];
            double[] w = new double[size];
            byte[] k = new byte[size];
            for (int i = 0; i < size; i++) {
                int at = next[sources[i]]++;
                t[at] = targets[i];
                w[at] = weights[i];
                k[at] = kinds[i];
            }
            return new Adjacency(offsets, t, w, k);
        }
    }
}
