// After a training run: embeddings of another dimension, or on nodes the run did not embed (no projected
// relationship left), come from an older run and no longer share its space: remove them.
MATCH (n)
WHERE (n:Song OR n:Artist OR n:Album OR n:User) AND n.embedding IS NOT NULL
  AND (size(n.embedding) <> $dimensions OR NOT EXISTS { (n)-[r]-() WHERE $weights[type(r)] > 0 })
CALL { WITH n REMOVE n.embedding } IN TRANSACTIONS OF 10000 ROWS
RETURN count(n) AS removed
