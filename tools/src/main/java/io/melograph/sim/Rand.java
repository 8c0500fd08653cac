package io.melograph.sim;

import java.util.SplittableRandom;

/** Distributions on top of {@link SplittableRandom}, written out so they are the same on every JDK. */
final class Rand {
    private Rand() {}

    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble(); // (0, 1]
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Exponential with mean 1. */
    static double exponential(SplittableRandom r) {
        return -Math.log(1.0 - r.nextDouble());
    }

    /** Poisson by multiplying uniforms (Knuth); fine for the small means used here (capped at 50). */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-Math.min(mean, 50));
        int k = 0;
        double p = r.nextDouble();
        while (p > limit) {
            k++;
            p *= r.nextDouble();
        }
        return k;
    }

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    /** Uniform in [lo, hi) milliseconds. */
    static long between(SplittableRandom r, long lo, long hi) {
        return hi <= lo ? lo : lo + r.nextLong(hi - lo);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
