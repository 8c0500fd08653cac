// Whom recall's warm-up asks for, as real requests would: a few listeners with history and a few songs (their
// similar songs). Bounded scans only: the first listeners and songs found, not the most active ones.
CALL {
  MATCH (u:User) WHERE EXISTS { (u)-[:LISTENED]->(:Song) }
  RETURN u.id AS id, 'listener' AS kind LIMIT $limit
  UNION
  MATCH (s:Song)
  RETURN s.id AS id, 'song' AS kind LIMIT $limit
}
RETURN id, kind;
