// The exact k nearest songs of $vector, by scanning every song's embedding in the database.
MATCH (s:Song)
WHERE s.embedding IS NOT NULL AND size(s.embedding) = size($vector)
WITH s, vector.similarity.cosine(s.embedding, $vector) AS score
ORDER BY score DESC
LIMIT $k
RETURN s.id AS id, score
