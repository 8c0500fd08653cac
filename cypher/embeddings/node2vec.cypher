// node2vec over the projected graph (for comparison with FastRP); written back by write.cypher.
// $config: embeddingDimension, walkLength, walksPerNode, iterations, relationshipWeightProperty, randomSeed, ...
CALL gds.node2vec.mutate($graph, $config)
YIELD nodePropertiesWritten, computeMillis
RETURN nodePropertiesWritten AS nodes, computeMillis AS millis
