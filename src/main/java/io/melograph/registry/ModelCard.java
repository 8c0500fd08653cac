package io.melograph.registry;

import java.util.Map;

/**
 * What a stored model version is: its kind ({@code ftrl}, ...), version, when it was made, the window of events it
 * was trained on ({@code [windowFrom, windowTo)}, ISO instants), a hash of exactly those events, its metrics on the
 * held-out window after it, and a note (how it was made; why it was or was not promoted).
 */
public record ModelCard(String kind, String version, String createdAt, String windowFrom, String windowTo, String dataHash,
                        Map<String, Double> metrics, String note) {
    public ModelCard {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    public ModelCard withNote(String newNote) {
        return new ModelCard(kind, version, createdAt, windowFrom, windowTo, dataHash, metrics, newNote);
    }
}
