package io.melograph.train;

import io.melograph.interest.KnowledgeTriples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A blend's channels fitted on one training matrix, each channel's scores put on a common per-user scale so that one
 * weight means the same for every channel and every user (the CTR protocol pools users into one AUC):
 * <ul>
 *   <li>{@link Scale#MAX}: divided by the user's largest absolute score (the shape of the scores is kept);</li>
 *   <li>{@link Scale#RANK}: the item's percentile among all items for that user, ties sharing their mean position
 *       (only the order is kept; a rank blend, Borda-style). Measured: item-kNN alone rank-scaled goes from AUC 0.861
 *       to 0.888 on the HetRec CTR rows, since every user's positives then stand on the same footing.</li>
 * </ul>
 *
 * <p>The tuner fits one blend per weight setting on the same matrix, and the fitted channels do not depend on the
 * weights: so the channels of the most recent (matrix, graph, seed), and each user's scaled scores once computed, are
 * kept and shared (fits are deterministic; scoring only reads a fitted model). That makes a weight setting cost one
 * weighted sum per user instead of a refit and a re-ranking of every item. Memory: two scales × channels × users ×
 * items floats at most (HetRec, four channels: ~1 GB). Only plain Java channels belong in blends: shared channels are
 * never closed.
 */
final class FittedChannels {
    /** How a channel's scores are put on a common scale per user. */
    enum Scale {
        MAX, RANK;

        static Scale of(Object name) {
            return valueOf(name.toString().toUpperCase(Locale.ROOT));
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Data(InteractionMatrix train, KnowledgeTriples graph, long seed) {}

    private static Data lastData;
    private static final Map<String, Fitted> LAST = new HashMap<>();

    private final List<Fitted> fitted;

    private FittedChannels(List<Fitted> fitted) {
        this.fitted = fitted;
    }

    static FittedChannels fit(List<Channel> channels, InteractionMatrix train, KnowledgeTriples graph, long seed) {
        List<Fitted> out = new ArrayList<>();
        synchronized (LAST) {
            Data data = new Data(train, graph, seed);
            if (!data.equals(lastData)) {
                LAST.clear();
                lastData = data;
            }
            for (Channel c : channels) {
                out.add(LAST.computeIfAbsent(c.key(), k -> {
                    Scorer s = c.create();
                    s.fit(train, graph, seed);
                    return new Fitted(s, train.users(), train.items());
                }));
            }
        }
        return new FittedChannels(out);
    }

    int size() {
        return fitted.size();
    }

    /** The channel's scaled scores for the user; shared, do not modify. */
    float[] scaled(int channel, int user, Scale scale) {
        return fitted.get(channel).scaled(user, scale);
    }

    /** {@code out = bias + Σ_c weights[c] · ŝ_c(user, ·)}; channels of weight 0 are not read. */
    void blend(int user, double bias, double[] weights, Scale scale, float[] out) {
        Arrays.fill(out, (float) bias);
        for (int c = 0; c < fitted.size(); c++) {
            float w = (float) weights[c];
            if (w != 0) {
                float[] row = scaled(c, user, scale);
                for (int i = 0; i < out.length; i++) {
                    out[i] += w * row[i];
                }
            }
        }
    }

    /** Each channel's note, prefixed by its name, for the blend's note. */
    String notes(List<Channel> channels) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < fitted.size(); c++) {
            String note = fitted.get(c).scorer.note();
            if (!note.isEmpty()) {
                out.add(channels.get(c).name() + ": " + note);
            }
        }
        return String.join("; ", out);
    }

    /** A fitted channel and its users' scaled scores, computed on first use. */
    private static final class Fitted {
        private final Scorer scorer;
        private final int items;
        private final float[][][] byScale;

        Fitted(Scorer scorer, int users, int items) {
            this.scorer = scorer;
            this.items = items;
            this.byScale = new float[Scale.values().length][users][];
        }

        synchronized float[] scaled(int user, Scale scale) {
            float[][] rows = byScale[scale.ordinal()];
            if (rows[user] == null) {
                float[] raw = new float[items];
                scorer.scoreItems(user, raw);
                rows[user] = scale == Scale.MAX ? byMax(raw) : percentiles(raw);
            }
            return rows[user];
        }
    }

    /** Scores divided by the largest absolute finite score; non-finite scores (an unscored item) become 0. */
    static float[] byMax(float[] raw) {
        float max = 0;
        for (float v : raw) {
            if (Float.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        float scale = max == 0 ? 0 : 1 / max;
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = Float.isFinite(raw[i]) ? raw[i] * scale : 0;
        }
        return out;
    }

    /**
     * Each item's position in ascending score order divided by {@code n − 1}, ties at their mean position. Zeros (most
     * items, for a graph channel) are one tie block, so only the non-zero scores are sorted.
     */
    static float[] percentiles(float[] raw) {
        int n = raw.length;
        long[] keys = new long[n];
        int m = 0;
        int below = 0;
        for (int i = 0; i < n; i++) {
            if (raw[i] != 0) {
                keys[m++] = ((long) sortable(raw[i]) << 32) | i;
                below += raw[i] < 0 ? 1 : 0;
            }
        }
        Arrays.sort(keys, 0, m);
        int zeros = n - m;
        double last = Math.max(1, n - 1);
        float[] out = new float[n];
        Arrays.fill(out, (float) ((below + (zeros - 1) / 2.0) / last));
        for (int a = 0; a < m; ) {
            int b = a;
            while (b + 1 < m && (keys[b + 1] >> 32) == (keys[a] >> 32)) {
                b++;
            }
            int from = a < below ? a : a + zeros;
            int to = b < below ? b : b + zeros;
            float v = (float) ((from + to) / 2.0 / last);
            for (int k = a; k <= b; k++) {
                out[(int) keys[k]] = v;
            }
            a = b + 1;
        }
        return out;
    }

    /** Float bits as an int that orders like the float (negative floats flipped). */
    private static int sortable(float v) {
        int bits = Float.floatToIntBits(v);
        return bits >= 0 ? bits : bits ^ 0x7fffffff;
    }
}
