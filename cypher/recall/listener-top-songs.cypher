// A listener's most played songs that have an embedding, with their play counts and vectors: the seeds of a
// listener's vector when the request brings none. Ties go to the more recent.
MATCH (:User {id: $userId})-[l:LISTENED]->(s:Song)
WHERE s.embedding IS NOT NULL AND l.plays > 0
RETURN s.id AS id, s.name AS name, l.plays AS plays, s.embedding AS vector
ORDER BY l.plays DESC, l.lastAt DESC
LIMIT $limit
