// After a model version's vectors are loaded: an embedding from any other version (or folded in from one) lives in
// another space; remove it, so fold-in.cypher gives the node a vector in this version's space.
MATCH (n)
WHERE (n:Song OR n:Artist OR n:Album OR n:User) AND n.embedding IS NOT NULL AND coalesce(n.embeddingVersion, '') <> $version
CALL { WITH n REMOVE n.embedding, n.embeddingVersion } IN TRANSACTIONS OF 10000 ROWS
RETURN count(n) AS removed
