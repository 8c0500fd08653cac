// Projects the graph the embeddings learn from into the GDS catalog as graph $graph: every relationship whose type
// has a factor > 0 in $weights (types missing from the map are left out), undirected, with a `weight`.
// With $propertyWeights the factor is multiplied by the strength the relationship records: LISTENED by
// log(2 + plays), CO_LISTENED and TAGGED by log(1 + weight) (counts, so the logarithm keeps a few huge values from
// drowning a node's other neighbours). Nodes keep their labels, so the result can be written back per label.
// Only nodes with at least one projected relationship are in the graph (and get an embedding).
// $holdout > 0 (evaluation only) leaves out every CO_LISTENED relationship whose id is divisible by it, so the
// quality proxy can ask whether neighbours agree with co-listening the embeddings never saw.
MATCH (a)-[r]->(b)
WHERE $weights[type(r)] > 0 AND NOT ($holdout > 0 AND type(r) = 'CO_LISTENED' AND id(r) % $holdout = 0)
WITH a, b, $weights[type(r)] * CASE
        WHEN NOT $propertyWeights THEN 1.0
        WHEN type(r) = 'LISTENED' THEN log(2.0 + coalesce(r.plays, 0))
        WHEN type(r) IN ['CO_LISTENED', 'TAGGED'] THEN log(1.0 + coalesce(r.weight, 1.0))
        ELSE 1.0 END AS weight
WHERE weight > 0
WITH gds.graph.project($graph, a, b,
        {sourceNodeLabels: labels(a), targetNodeLabels: labels(b), relationshipProperties: {weight: weight}},
        {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships, g.projectMillis AS millis
