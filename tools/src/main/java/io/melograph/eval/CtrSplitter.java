package io.melograph.eval;

import io.melograph.util.IntList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The KG CTR protocol of RippleNet / KGCN: every distinct (user, item) interaction is a positive; for each user as
 * many negatives as positives, drawn without replacement from the items the user never interacted with; all rows
 * shuffled and split 6:2:2 into train, validation and test.
 */
public final class CtrSplitter {
    private CtrSplitter() {}

    public static CtrSplit split(Dataset d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int itemCount = d.itemIds().size();
        List<Set<Integer>> positives = new ArrayList<>();
        for (int u = 0; u < d.userIds().size(); u++) {
            positives.add(new HashSet<>());
        }
        for (int r = 0; r < d.size(); r++) {
            positives.get(d.users()[r]).add(d.items()[r]);
        }
        IntList users = new IntList();
        IntList items = new IntList();
        List<Boolean> labels = new ArrayList<>();
        for (int u = 0; u < positives.size(); u++) {
            Set<Integer> pos = positives.get(u);
            int[] sorted = pos.stream().mapToInt(Integer::intValue).sorted().toArray();
            for (int i : sorted) {
                users.add(u);
                items.add(i);
                labels.add(true);
            }
            int wanted = Math.min(pos.size(), itemCount - pos.size());
            Set<Integer> negatives = new HashSet<>();
            while (negatives.size() < wanted) {
                int j = rnd.nextInt(itemCount);
                if (!pos.contains(j) && negatives.add(j)) {
                    users.add(u);
                    items.add(j);
                    labels.add(false);
                }
            }
        }
        int n = users.size();
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        int[] us = users.toArray();
        int[] is = items.toArray();
        int[] su = new int[n];
        int[] si = new int[n];
        boolean[] sl = new boolean[n];
        for (int k = 0; k < n; k++) {
            su[k] = us[order[k]];
            si[k] = is[order[k]];
            sl[k] = labels.get(order[k]);
        }
        return new CtrSplit(su, si, sl, (int) Math.round(n * 0.6), (int) Math.round(n * 0.8), positives.size(), itemCount);
    }
}
