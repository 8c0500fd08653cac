// Streams the computed `embedding` of the nodes labelled $labels (Song, Artist, Album, User) from the in-memory graph,
// each with its label and id, for a model version's vector file: nothing is written to the database.
CALL gds.graph.list($graph) YIELD schema
WITH [label IN $labels WHERE label IN keys(schema.nodes)] AS labels
WHERE size(labels) > 0
CALL gds.graph.nodeProperty.stream($graph, 'embedding', labels)
YIELD nodeId, propertyValue
WITH gds.util.asNode(nodeId) AS n, propertyValue
RETURN [l IN labels(n) WHERE l IN $labels][0] AS label, n.id AS id, propertyValue AS vector
