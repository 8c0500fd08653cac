package io.melograph.util;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One counter name with fixed tag keys, a counter per combination of tag values, each registered once and then found
 * without building a meter id again (they are incremented on request paths).
 */
public final class TaggedCounters {
    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final String[] keys;
    private final ConcurrentHashMap<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public TaggedCounters(MeterRegistry registry, String name, String description, String... keys) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.keys = keys.clone();
    }

    /** Adds one to the counter of these tag values, given in the order of the keys. */
    public void increment(String... values) {
        if (values.length != keys.length) {
            throw new IllegalArgumentException(name + ": expected values for " + Arrays.toString(keys));
        }
        counters.computeIfAbsent(List.of(values), v -> {
            Counter.Builder b = Counter.builder(name).description(description);
            for (int i = 0; i < keys.length; i++) {
                b.tag(keys[i], v.get(i));
            }
            return b.register(registry);
        }).increment();
    }
}
