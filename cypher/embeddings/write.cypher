// Stores the computed `embedding` on the nodes of those labels in $labels (Song, Artist, Album, User) that the
// projected graph has: the vector indexes pick the new values up as the write transactions commit.
CALL gds.graph.list($graph) YIELD schema
WITH [label IN $labels WHERE label IN keys(schema.nodes)] AS labels
WHERE size(labels) > 0
CALL gds.graph.nodeProperties.write($graph, ['embedding'], labels)
YIELD propertiesWritten, writeMillis
RETURN propertiesWritten AS written, writeMillis AS millis
