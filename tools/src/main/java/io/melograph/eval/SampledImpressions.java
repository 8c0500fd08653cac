package io.melograph.eval;

import io.melograph.train.ChainExposures;
import io.melograph.util.IntList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Real interactions that record no impressions (HetRec's dated tag assignments) made into the chain's first link, as
 * DIN and DIEN are evaluated on Amazon reviews: each distinct (user, item, time) interaction becomes an impression of
 * that item followed by its play, beside an impression of an item the user never interacted with, drawn in proportion
 * to its training popularity (a popular miss is harder to tell apart than a uniform one). The click head learns
 * which impressions were followed by a play; the plays before each impression are the user's history. Rows stay on
 * the side of the outer split their interaction was on.
 */
record SampledImpressions(ChainExposures.Events events, SessionSplit split, int interactions) {

    static SampledImpressions of(Dataset d, SessionSplit outer, long seed) {
        boolean[] test = new boolean[d.size()];
        for (int r : outer.testRows()) {
            test[r] = true;
        }
        IntList pool = new IntList(); // one entry per training interaction: drawn in proportion to popularity
        for (int r : outer.trainRows()) {
            pool.add(d.items()[r]);
        }
        int[] popular = pool.toArray();
        Set<Long> seenPairs = new HashSet<>();
        for (int r = 0; r < d.size(); r++) {
            seenPairs.add((long) d.users()[r] * d.itemIds().size() + d.items()[r]);
        }
        Integer[] order = new Integer[d.size()];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, (a, b) -> d.times()[a] != d.times()[b] ? Long.compare(d.times()[a], d.times()[b]) : Integer.compare(a, b));
        SplittableRandom rng = new SplittableRandom(seed);
        IntList users = new IntList();
        IntList items = new IntList();
        IntList train = new IntList();
        IntList held = new IntList();
        List<Long> times = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        Set<String> done = new HashSet<>();
        int interactions = 0;
        for (int r : order) {
            int u = d.users()[r];
            int i = d.items()[r];
            if (!done.add(u + " " + i + " " + d.times()[r])) {
                continue; // several tags on one item at one moment: one interaction
            }
            interactions++;
            int negative = i;
            for (int tries = 0; tries < 100 && seenPairs.contains((long) u * d.itemIds().size() + negative); tries++) {
                negative = popular[rng.nextInt(popular.length)];
            }
            IntList side = test[r] ? held : train;
            // both impressions before the play, so both see the same history
            int[] rowItems = {negative, i, i};
            String[] rowActions = {"impression", "impression", "play"};
            for (int k = negative == i ? 1 : 0; k < 3; k++) { // a user who interacted with every item drawn: no negative
                side.add(users.size());
                users.add(u);
                items.add(rowItems[k]);
                times.add(d.times()[r]);
                actions.add(rowActions[k]);
            }
        }
        ChainExposures.Events events = new ChainExposures.Events(users.toArray(), items.toArray(),
                times.stream().mapToLong(Long::longValue).toArray(), actions.toArray(String[]::new), null);
        return new SampledImpressions(events, new SessionSplit(train.toArray(), held.toArray(), outer.targets()), interactions);
    }
}
