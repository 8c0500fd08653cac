// Stores a model version's vectors ($rows: label, id, vector) on their nodes, stamped with the version
// (embeddingVersion); the vector indexes pick them up as the transaction commits. Ids no longer in the graph are
// skipped.
UNWIND $rows AS r
CALL {
  WITH r
  MATCH (n:Song {id: r.id}) WHERE r.label = 'Song'
  SET n.embedding = r.vector, n.embeddingVersion = $version
  RETURN n
  UNION ALL
  WITH r
  MATCH (n:Artist {id: r.id}) WHERE r.label = 'Artist'
  SET n.embedding = r.vector, n.embeddingVersion = $version
  RETURN n
  UNION ALL
  WITH r
  MATCH (n:Album {id: r.id}) WHERE r.label = 'Album'
  SET n.embedding = r.vector, n.embeddingVersion = $version
  RETURN n
  UNION ALL
  WITH r
  MATCH (n:User {id: r.id}) WHERE r.label = 'User'
  SET n.embedding = r.vector, n.embeddingVersion = $version
  RETURN n
}
RETURN count(n) AS written
