package io.melograph.rank;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * FTRL-Proximal logistic regression over binary hashed features (McMahan et al., "Ad Click Prediction: a View from the
 * Trenches", KDD 2013, Algorithm 1): per coordinate {@code z} and {@code n}; the weight computed from them, exactly zero
 * while {@code |z| ≤ λ1}, is kept beside them as they change, so scoring reads one array slot per feature (the arrays
 * are megabytes: each slot read is a cache miss) and computes nothing.
 * <p>
 * Threads: one learner ({@link #update} is synchronized), any number of scorers. {@link #predict} takes no lock: it
 * reads the float arrays (float reads are atomic) after a volatile read of the update counter, so it sees every update
 * finished before that read and at worst part of one in progress. Scoring never waits for learning.
 */
public final class Ftrl {

    /** α (learning rate scale), β (smoothing), λ1 (sparsity), λ2 (shrinkage). */
    public record Params(double alpha, double beta, double l1, double l2) {
        /**
         * α 0.4, β 1, λ1 0.1, λ2 0.1: the lowest summed logloss of the three heads in a small grid (α 0.05–0.8,
         * λ1 0.1/0.3/1, λ2 0.1/1/10) on a simulation with another seed (7) than the reported one (docs/eval/simulated).
         */
        public static Params defaults() {
            return new Params(0.4, 1.0, 0.1, 0.1);
        }
    }

    private final Params params;
    private final float[] z;
    private final float[] n;
    /** Each coordinate's weight, as {@link #computeWeight} gives it from {@code z} and {@code n}. */
    private final double[] w;
    private volatile long updates;
    private long positives;

    public Ftrl(int buckets, Params params) {
        this.params = params;
        this.z = new float[buckets];
        this.n = new float[buckets];
        this.w = new double[buckets];
    }

    public Params params() {
        return params;
    }

    public int buckets() {
        return z.length;
    }

    /** Examples learned so far. */
    public long updates() {
        return updates;
    }

    public synchronized long positives() {
        return positives;
    }

    /** The weight of one coordinate. */
    public double weight(int i) {
        return w[i];
    }

    private double computeWeight(int i) {
        double zi = z[i];
        if (Math.abs(zi) <= params.l1) {
            return 0;
        }
        return -(zi - Math.signum(zi) * params.l1) / ((params.beta + Math.sqrt(n[i])) / params.alpha + params.l2);
    }

    /** P(label) for the active features {@code x} (each with value 1). */
    public double predict(int[] x) {
        long published = updates; // volatile read: every update finished before it is visible below
        double s = published >= 0 ? 0 : Double.NaN;
        for (int i : x) {
            s += weight(i);
        }
        return sigmoid(s);
    }

    /** Learns one example; returns the probability predicted before the update (for progressive validation). */
    public synchronized double update(int[] x, boolean label) {
        double s = 0;
        double[] before = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            before[k] = weight(x[k]);
            s += before[k];
        }
        double p = sigmoid(s);
        double g = p - (label ? 1 : 0);
        double g2 = g * g;
        for (int k = 0; k < x.length; k++) {
            int i = x[k];
            double sigma = (Math.sqrt(n[i] + g2) - Math.sqrt(n[i])) / params.alpha;
            z[i] += (float) (g - sigma * before[k]);
            n[i] += (float) g2;
            this.w[i] = computeWeight(i);
        }
        if (label) {
            positives++;
        }
        updates = updates + 1;
        return p;
    }

    /** Coordinates whose weight is not zero (L1 keeps most of them at exactly zero). */
    public synchronized int nonZero() {
        int c = 0;
        for (int i = 0; i < z.length; i++) {
            if (Math.abs(z[i]) > params.l1) {
                c++;
            }
        }
        return c;
    }

    static double sigmoid(double s) {
        // clipped so a confident model's logloss stays finite
        double p = 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, s))));
        return Math.min(1 - 1e-7, Math.max(1e-7, p));
    }

    /** Writes params, counters and the sparse state (only coordinates ever touched). Call while no update runs. */
    synchronized void write(DataOutputStream out) throws IOException {
        out.writeDouble(params.alpha);
        out.writeDouble(params.beta);
        out.writeDouble(params.l1);
        out.writeDouble(params.l2);
        out.writeInt(z.length);
        out.writeLong(updates);
        out.writeLong(positives);
        int touched = 0;
        for (float v : n) {
            if (v != 0) {
                touched++;
            }
        }
        out.writeInt(touched);
        for (int i = 0; i < z.length; i++) {
            if (n[i] != 0) {
                out.writeInt(i);
                out.writeFloat(z[i]);
                out.writeFloat(n[i]);
            }
        }
    }

    static Ftrl read(DataInputStream in) throws IOException {
        Params p = new Params(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
        Ftrl f = new Ftrl(in.readInt(), p);
        long updates = in.readLong();
        f.positives = in.readLong();
        int touched = in.readInt();
        for (int k = 0; k < touched; k++) {
            int i = in.readInt();
            f.z[i] = in.readFloat();
            f.n[i] = in.readFloat();
            f.w[i] = f.computeWeight(i);
        }
        f.updates = updates;
        return f;
    }
}
