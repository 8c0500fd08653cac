package io.melograph.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code k} items in an order without sorting them all: a merge of many seeds' lists finds thousands of
 * candidates and keeps sixty, and sorting every one of them was the largest part of a cold Daily list.
 */
public final class Best {
    private Best() {}

    /** The {@code k} first items of {@code items} in {@code order}, in that order (as a full sort and a cut would give). */
    public static <T> List<T> of(Collection<T> items, int k, Comparator<? super T> order) {
        if (k <= 0 || items.isEmpty()) {
            return List.of();
        }
        PriorityQueue<T> lastFirst = new PriorityQueue<>(Math.min(k, items.size()) + 1, order.reversed());
        for (T item : items) {
            if (lastFirst.size() < k) {
                lastFirst.add(item);
            } else if (order.compare(item, lastFirst.peek()) < 0) {
                lastFirst.poll();
                lastFirst.add(item);
            }
        }
        List<T> out = new ArrayList<>(lastFirst);
        out.sort(order);
        return out;
    }
}
