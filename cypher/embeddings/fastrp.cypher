// FastRP over the projected graph; the embedding stays in the in-memory graph until write.cypher stores it.
// $config: embeddingDimension, iterationWeights, normalizationStrength, relationshipWeightProperty, randomSeed, ...
CALL gds.fastRP.mutate($graph, $config)
YIELD nodePropertiesWritten, computeMillis
RETURN nodePropertiesWritten AS nodes, computeMillis AS millis
