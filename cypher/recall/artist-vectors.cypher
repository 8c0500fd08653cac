// The embeddings of the seed artists $ids (those that have one), for a vector query.
MATCH (a:Artist)
WHERE a.id IN $ids AND a.embedding IS NOT NULL
RETURN a.id AS id, a.name AS name, a.embedding AS vector
