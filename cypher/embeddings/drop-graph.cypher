// Frees the in-memory graph of a training run (no error when it is already gone).
CALL gds.graph.drop($graph, false) YIELD graphName
RETURN graphName
