package io.melograph.rank;

import io.melograph.util.ConfigNumbers;

/**
 * How a scene combines the heads into one score: {@code score = Π p_head ^ weight}, a weighted geometric mean (a
 * weight of 0 ignores a head; doubling a weight doubles its say in the log-score). Part of a scene's policy
 * ({@code melograph.scenes.<scene>.head-weights}, per A/B arm too), learned by {@code melograph tune scenes}; FTRL and
 * the deep rankers' heads are combined by the same weights.
 */
public record HeadWeights(double click, double complete, double like) {
    /** Every head counts the same: a scene that sets nothing. */
    public static final HeadWeights EVEN = new HeadWeights(1, 1, 1);

    public HeadWeights {
        for (double v : new double[] {click, complete, like}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("head weights must be finite and ≥ 0: " + click + ", " + complete + ", " + like);
            }
        }
    }

    public double weight(Head head) {
        return switch (head) {
            case CLICK -> click;
            case COMPLETE -> complete;
            case LIKE -> like;
        };
    }

    /** The same weights with one head's changed. */
    public HeadWeights with(Head head, double weight) {
        return new HeadWeights(head == Head.CLICK ? weight : click, head == Head.COMPLETE ? weight : complete,
                head == Head.LIKE ? weight : like);
    }

    /** The combined score of one candidate from its per-head probabilities (indexed by {@link Head#ordinal()}). */
    public double combine(double[] p) {
        double log = 0;
        for (Head h : Head.values()) {
            double w = weight(h);
            if (w != 0) {
                log += w * Math.log(p[h.ordinal()]);
            }
        }
        return Math.exp(log);
    }

    /**
     * Reads {@code click=1,complete=0.5,like=1}; a head not named keeps {@code base}'s weight.
     *
     * @param what names the setting in the error (e.g. {@code scene fm head-weights})
     */
    public static HeadWeights parse(String what, String text, HeadWeights base) {
        HeadWeights out = base;
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            Head head = kv.length == 2 ? head(kv[0].strip()) : null;
            if (head == null) {
                throw new IllegalArgumentException(what + ": expected click=, complete= or like= with a number, got '" + pair.strip() + "'");
            }
            try {
                out = out.with(head, Double.parseDouble(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": not a number in '" + pair.strip() + "'");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static Head head(String name) {
        for (Head h : Head.values()) {
            if (h.wire().equals(name)) {
                return h;
            }
        }
        return null;
    }

    /** As a configuration value, {@code click=1,complete=0.5,like=1}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Head h : Head.values()) {
            out.append(out.isEmpty() ? "" : ",").append(h.wire()).append('=').append(ConfigNumbers.format(weight(h)));
        }
        return out.toString();
    }
}
