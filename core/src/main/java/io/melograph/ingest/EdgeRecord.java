package io.melograph.ingest;

import java.util.Map;

/**
 * A relationship to MERGE between two nodes identified by label and id.
 *
 * @param fromField the column or predicate naming the start node, to point at when it does not resolve
 * @param toField   the same for the end node
 */
public record EdgeRecord(String type, String fromLabel, String fromId, String toLabel, String toId,
                         Map<String, Object> props, String fromField, String toField) {}
