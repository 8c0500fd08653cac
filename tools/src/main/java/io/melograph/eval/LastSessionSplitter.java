package io.melograph.eval;

import io.melograph.util.IntList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Sessions are a user's interactions with gaps of at most {@code gapMillis} (30 minutes in the design); the last
 * session of every user with two or more sessions is the test, everything before it trains.
 */
public final class LastSessionSplitter {
    public static final long SESSION_GAP_MILLIS = 30 * 60 * 1000L;

    private LastSessionSplitter() {}

    /** Splits the given rows of {@code d} (all rows when null). */
    public static SessionSplit split(Dataset d, int[] rows, long gapMillis) {
        int users = d.userIds().size();
        List<List<Integer>> byUser = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            byUser.add(new ArrayList<>());
        }
        int[] all = rows != null ? rows : java.util.stream.IntStream.range(0, d.size()).toArray();
        for (int r : all) {
            if (d.times()[r] == Dataset.NO_TIME) {
                throw new IllegalArgumentException("the sequence protocol needs a timestamp on every interaction");
            }
            byUser.get(d.users()[r]).add(r);
        }
        IntList train = new IntList();
        IntList test = new IntList();
        int[][] targets = new int[users][];
        for (int u = 0; u < users; u++) {
            List<Integer> events = byUser.get(u);
            // stable order: by time, then by row
            events.sort(Comparator.<Integer>comparingLong(r -> d.times()[r]).thenComparingInt(r -> r));
            int lastStart = 0;
            for (int k = 1; k < events.size(); k++) {
                if (d.times()[events.get(k)] - d.times()[events.get(k - 1)] > gapMillis) {
                    lastStart = k;
                }
            }
            if (lastStart == 0) {
                events.forEach(train::add);
                continue;
            }
            TreeSet<Integer> items = new TreeSet<>();
            for (int k = 0; k < events.size(); k++) {
                int r = events.get(k);
                if (k < lastStart) {
                    train.add(r);
                } else {
                    test.add(r);
                    items.add(d.items()[r]);
                }
            }
            targets[u] = items.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] trainRows = train.toArray();
        Arrays.sort(trainRows);
        return new SessionSplit(trainRows, test.toArray(), targets);
    }
}
