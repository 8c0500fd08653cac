package io.melograph.train;

import io.melograph.interest.KnowledgeTriples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Fusion with learned weights: a logistic regression on the channels' per-user-scaled scores, each channel on both
 * scales of {@link FittedChannels} (max and rank), {@code s(u, i) = b + Σ_c (w_c · ŝ_c(u, i) + v_c · r_c(u, i))}. The
 * weights are learned inside {@link #fit}
 * from the training data alone, so no protocol has to know about it: a random 20 % of each user's training items is
 * held out, the channels are fitted on the rest, every held-out item is a positive with one sampled negative the user
 * never had, and the regression is fitted on those pairs; then the channels are refitted on all training data.
 *
 * <p>{@code negatives}: {@code uniform} draws negatives from all items (as the CTR protocol does, so the blend learns
 * how far popularity separates), {@code popular} in proportion to item popularity (as a top-k list must, where every
 * competitor is popular). Which one serves a protocol better is chosen on its validation split.
 */
public final class LearnedBlendScorer implements Scorer {
    private static final double HOLD_OUT = 0.2;
    private static final double L2 = 1.0;

    private final List<Channel> channels;
    private boolean popularNegatives;
    private double[] beta;
    private FittedChannels fitted;

    public LearnedBlendScorer(List<Channel> channels) {
        this.channels = List.copyOf(channels);
    }

    @Override
    public List<Map<String, Object>> grid() {
        return List.of(Map.of("negatives", "uniform"), Map.of("negatives", "popular"));
    }

    /** Key {@code negatives}: uniform (default) or popular. */
    @Override
    public void configure(Map<String, Object> params) {
        String negatives = params.getOrDefault("negatives", "uniform").toString();
        if (params.keySet().stream().anyMatch(k -> !k.equals("negatives")) || !List.of("uniform", "popular").contains(negatives)) {
            throw new IllegalArgumentException("bad learned-blend hyperparameters: " + params);
        }
        popularNegatives = negatives.equals("popular");
    }

    @Override
    public void fit(InteractionMatrix train, KnowledgeTriples graph, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        InteractionMatrix.Builder rest = new InteractionMatrix.Builder(train.users(), train.items());
        List<int[]> pairs = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        int[] popularItems = popularNegatives ? allInteractions(train) : null;
        for (int u = 0; u < train.users(); u++) {
            int[] items = train.itemsOf(u);
            float[] weights = train.weightsOf(u);
            boolean[] held = new boolean[items.length];
            int heldCount = 0;
            for (int k = 0; k < items.length; k++) {
                held[k] = items.length >= 2 && rnd.nextDouble() < HOLD_OUT;
                heldCount += held[k] ? 1 : 0;
            }
            if (heldCount == items.length && heldCount > 0) {
                held[items.length - 1] = false;
                heldCount--;
            }
            Set<Integer> negatives = new HashSet<>();
            for (int k = 0; k < items.length; k++) {
                if (!held[k]) {
                    rest.add(u, items[k], weights[k]);
                    continue;
                }
                pairs.add(new int[] {u, items[k]});
                labels.add(true);
                for (int attempt = 0; attempt < 1000; attempt++) {
                    int j = popularItems == null ? rnd.nextInt(train.items()) : popularItems[rnd.nextInt(popularItems.length)];
                    if (!train.contains(u, j) && negatives.add(j)) {
                        pairs.add(new int[] {u, j});
                        labels.add(false);
                        break;
                    }
                }
            }
        }
        FittedChannels inner = FittedChannels.fit(channels, rest.build(), graph, seed);
        double[][] x = features(inner, pairs);
        boolean[] y = new boolean[labels.size()];
        for (int r = 0; r < y.length; r++) {
            y[r] = labels.get(r);
        }
        beta = LogisticRegression.fit(x, y, L2);
        fitted = FittedChannels.fit(channels, train, graph, seed);
    }

    /** The item of every training interaction: drawing from it draws items in proportion to their popularity. */
    private static int[] allInteractions(InteractionMatrix train) {
        int[] out = new int[(int) train.nonZeros()];
        int n = 0;
        for (int u = 0; u < train.users(); u++) {
            for (int i : train.itemsOf(u)) {
                out[n++] = i;
            }
        }
        return out;
    }

    /** Each (user, item) pair's features: every channel's max-scaled score, then every channel's percentile. */
    private static double[][] features(FittedChannels channels, List<int[]> pairs) {
        FittedChannels.Scale[] scales = FittedChannels.Scale.values();
        int c = channels.size();
        double[][] x = new double[pairs.size()][scales.length * c];
        for (int r = 0; r < pairs.size(); r++) {
            for (FittedChannels.Scale scale : scales) {
                for (int k = 0; k < c; k++) {
                    x[r][scale.ordinal() * c + k] = channels.scaled(k, pairs.get(r)[0], scale)[pairs.get(r)[1]];
                }
            }
        }
        return x;
    }

    @Override
    public void scoreItems(int user, float[] out) {
        int c = channels.size();
        fitted.blend(user, beta[0], Arrays.copyOfRange(beta, 1, 1 + c), FittedChannels.Scale.MAX, out);
        float[] byRank = new float[out.length];
        fitted.blend(user, 0, Arrays.copyOfRange(beta, 1 + c, 1 + 2 * c), FittedChannels.Scale.RANK, byRank);
        for (int i = 0; i < out.length; i++) {
            out[i] += byRank[i];
        }
    }

    @Override
    public String note() {
        if (beta == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "learned logit %.2f", beta[0]));
        for (FittedChannels.Scale scale : FittedChannels.Scale.values()) {
            for (int c = 0; c < channels.size(); c++) {
                sb.append(String.format(Locale.ROOT, " %+.2f·%s(%s)", beta[1 + scale.ordinal() * channels.size() + c],
                        channels.get(c).name(), scale.label()));
            }
        }
        String notes = fitted.notes(channels);
        return notes.isEmpty() ? sb.toString() : sb + "; " + notes;
    }
}
