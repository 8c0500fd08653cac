package io.melograph.ingest;

import java.util.List;
import java.util.Map;

/** A node to MERGE by {@code (labels[0] {id})}, with further labels and the properties to set. */
public record NodeRecord(List<String> labels, String id, Map<String, Object> props) {
    public String label() {
        return labels.get(0);
    }
}
