package io.melograph.config;

/** Range checks of configured values: the error names the key, as a listener of the log would look it up. */
final class Check {
    private Check() {}

    static void atLeast(String key, double value, double least) {
        if (value < least) {
            throw new IllegalArgumentException(key + " must be at least " + format(least) + ", not " + format(value));
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
