package io.melograph.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a stored model version is: its kind ({@code ftrl}, ...), version, when it was made, the window of events it
 * was trained on ({@code [windowFrom, windowTo)}, ISO instants), a hash of exactly those events, its metrics on the
 * held-out window after it, and a note (how it was made; why it was or was not promoted).
 */
public record ModelCard(String kind, String version, String createdAt, String windowFrom, String windowTo, String dataHash,
                        Map<String, Double> metrics, String note) {
    public ModelCard {
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics == null ? Map.of() : metrics)); // listed in name order
    }

    /** The metrics one a line, {@code name value} (counts without decimals). */
    public List<String> metricLines() {
        List<String> out = new ArrayList<>();
        metrics.forEach((k, v) -> out.add(String.format(Locale.ROOT, v == Math.rint(v) && Math.abs(v) >= 1 ? "%-24s %,.0f" : "%-24s %.4f", k, v)));
        return out;
    }

    public ModelCard withNote(String newNote) {
        return new ModelCard(kind, version, createdAt, windowFrom, windowTo, dataHash, metrics, newNote);
    }
}
