// Every song's embedding: the vectors the brute-force reference of `melograph bench vectors` searches.
MATCH (s:Song)
WHERE s.embedding IS NOT NULL
RETURN s.id AS id, s.embedding AS vector
