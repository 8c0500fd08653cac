// The $limit nearest neighbours of $vector in the vector index $index (song_embedding or artist_embedding), leaving
// out $exclude. $k (about twice $limit, at least 100, plus the exclusions) are asked from the index and re-scored with the exact
// cosine of the stored embeddings: the index ranks by quantised vectors (demo catalog: recall@100 0.90 alone, 0.96
// re-scored from 200; docs/benchmarks.md). For each, the seed of $seeds ([{id, vector}]) it is closest to, for the
// reason and the path.
CALL db.index.vector.queryNodes($index, $k, $vector) YIELD node
WHERE NOT node.id IN $exclude
WITH node, vector.similarity.cosine(node.embedding, $vector) AS score
ORDER BY score DESC
LIMIT $limit
CALL {
  WITH node
  UNWIND $seeds AS seed
  WITH seed, vector.similarity.cosine(node.embedding, seed.vector) AS closeness
  ORDER BY closeness DESC
  LIMIT 1
  RETURN seed.id AS seedId
}
RETURN node.id AS id, node.name AS name, score, seedId
ORDER BY score DESC
