package io.melograph.train.graph;

import io.melograph.train.Hyperparameters;
import io.melograph.train.InteractionMatrix;
import io.melograph.interest.KnowledgeTriples;
import io.melograph.train.Scorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Friends' favourites, the offline twin of the recall query {@code (user)→(friend)→(artist)}: an item scores the
 * similarity-weighted share of the user's friends who have it. Friends are the users a user's triples point to
 * ({@code friend}, {@code follows}; see {@link GraphLinks}).
 *
 * <ul>
 *   <li>weight of friend f: {@code (1 + |I_u ∩ I_f|)^γ / sqrt(|I_f|)} ({@code overlap} = γ): friends who share the
 *       user's taste count more (γ = 0: all alike); dividing by the friend's list length keeps one omnivorous friend
 *       from filling the list;</li>
 *   <li>{@code hops} 2 adds friends of friends (not the user, not already friends) at a quarter of their weight, for
 *       users whose friends have few items;</li>
 *   <li>score: {@code Σ_f w_f [b ∈ I_f] / Σ_f w_f}, so users with many friends are not scored higher for it.</li>
 * </ul>
 * A user without friends scores 0 everywhere. Scoring reads the fitted model only.
 */
public final class FriendsScorer implements Scorer {
    private static final double SECOND_HOP = 0.25;
    private double overlap = 2;
    private int hops = 2;
    private InteractionMatrix train;
    private int[][] friendsOf;
    private int linked;

    @Override
    public List<Map<String, Object>> grid() {
        List<Map<String, Object>> grid = new ArrayList<>();
        for (double g : new double[] {0, 1, 2, 3}) {
            for (int h : new int[] {1, 2}) {
                grid.add(Map.of("overlap", g, "hops", h));
            }
        }
        return grid;
    }

    /** Keys {@code overlap} (similarity exponent γ ≥ 0) and {@code hops} (1 or 2). */
    @Override
    public void configure(Map<String, Object> params) {
        overlap = Hyperparameters.number(params, "overlap", overlap).doubleValue();
        hops = Hyperparameters.number(params, "hops", hops).intValue();
        if (overlap < 0 || hops < 1 || hops > 2) {
            throw new IllegalArgumentException("bad kg-social hyperparameters: " + params);
        }
    }

    @Override
    public void fit(InteractionMatrix train, KnowledgeTriples graph, long seed) {
        this.train = train;
        friendsOf = GraphLinks.usersLinkedFrom(graph, train.users());
        linked = 0;
        for (int[] f : friendsOf) {
            linked += f.length > 0 ? 1 : 0;
        }
    }

    @Override
    public void scoreItems(int user, float[] out) {
        Arrays.fill(out, 0f);
        int[] friends = friendsOf[user];
        double total = 0;
        for (int f : friends) {
            total += add(user, f, 1, out);
        }
        if (hops == 2) {
            for (int f : friends) {
                for (int g : friendsOf[f]) {
                    if (g != user && Arrays.binarySearch(friends, g) < 0 && firstVia(user, f, g)) {
                        total += add(user, g, SECOND_HOP, out);
                    }
                }
            }
        }
        if (total > 0) {
            float scale = (float) (1 / total);
            for (int i = 0; i < out.length; i++) {
                out[i] *= scale;
            }
        }
    }

    /** Adds friend f's items at their weight times {@code factor}; returns the weight added. */
    private double add(int user, int f, double factor, float[] out) {
        int[] theirs = train.itemsOf(f);
        if (theirs.length == 0) {
            return 0;
        }
        double w = factor * Math.pow(1 + shared(train.itemsOf(user), theirs), overlap) / Math.sqrt(theirs.length);
        for (int b : theirs) {
            out[b] += (float) w;
        }
        return w;
    }

    /** Whether f is the lowest-numbered friend of the user through whom g is reached, so g counts once. */
    private boolean firstVia(int user, int f, int g) {
        for (int other : friendsOf[user]) {
            if (other >= f) {
                return true;
            }
            if (Arrays.binarySearch(friendsOf[other], g) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** |a ∩ b| of two ascending arrays. */
    private static int shared(int[] a, int[] b) {
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                n++;
                i++;
                j++;
            }
        }
        return n;
    }

    @Override
    public String note() {
        return train == null ? "" : String.format(Locale.ROOT, "%,d of %,d users have friends", linked, train.users());
    }
}
