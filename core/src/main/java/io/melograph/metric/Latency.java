package io.melograph.metric;

/**
 * Wall-time statistics of repeated calls, in milliseconds: the mean, and a percentile by nearest rank (the smallest
 * measured time that at least that share of the calls did not exceed), so p99 is a time some call really took.
 */
public final class Latency {
    private Latency() {}

    /** Mean of the times in milliseconds; NaN when there are none. */
    public static double meanMillis(long[] nanos) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (long t : nanos) {
            sum += t;
        }
        return sum / nanos.length / 1e6;
    }

    /**
     * The nearest-rank percentile in milliseconds; NaN when there are no times.
     *
     * @param share in (0, 1], e.g. 0.99
     * @throws IllegalArgumentException if {@code share} is outside (0, 1] or a time is negative
     */
    public static double percentileMillis(long[] nanos, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], got " + share);
        }
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        if (sorted[0] < 0) {
            throw new IllegalArgumentException("negative time " + sorted[0]);
        }
        int rank = (int) Math.ceil(share * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
