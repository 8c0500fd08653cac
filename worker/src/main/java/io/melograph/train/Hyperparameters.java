package io.melograph.train;

import java.util.Map;

/** Reads one setting of a model's grid: numbers may come as any Number or as text (from a command line). */
public final class Hyperparameters {
    private Hyperparameters() {}

    public static Number number(Map<String, Object> params, String key, Number fallback) {
        Object value = params.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n;
        }
        return Double.valueOf(value.toString());
    }
}
