// Every song's id, streamed: the interest model's watch compares them with the songs the live model knows, to give
// the songs added since it was trained their vectors.
MATCH (s:Song)
WHERE s.id IS NOT NULL
RETURN s.id AS id
