// The k nearest songs of $vector from the song_embedding vector index (HNSW): $fetch (>= $k) asked from the index,
// re-scored with the exact cosine of the stored embeddings (the index compares quantised vectors), best $k kept.
CALL db.index.vector.queryNodes('song_embedding', $fetch, $vector) YIELD node
WITH node, vector.similarity.cosine(node.embedding, $vector) AS score
ORDER BY score DESC
LIMIT $k
RETURN node.id AS id, score
