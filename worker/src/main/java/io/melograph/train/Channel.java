package io.melograph.train;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One model inside a blend: its name (the key of its weight in the blend's settings), how to make it, and the fixed
 * hyperparameters it runs with there (chosen from its own validation results, never from test).
 */
public record Channel(String name, Supplier<Scorer> factory, Map<String, Object> settings) {

    public Channel {
        settings = Map.copyOf(settings);
    }

    /** A fresh, configured, unfitted instance. */
    Scorer create() {
        Scorer s = factory.get();
        s.configure(settings);
        return s;
    }

    /** Name and settings: what makes two fitted channels interchangeable on the same data. */
    String key() {
        return name + new TreeMap<>(settings);
    }
}
