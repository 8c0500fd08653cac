// The embeddings of the seed songs $ids (those that have one), for a vector query.
MATCH (s:Song)
WHERE s.id IN $ids AND s.embedding IS NOT NULL
RETURN s.id AS id, s.name AS name, s.embedding AS vector
