// Shared tags and genres: songs carrying the rare tags and genres of the listener's songs. A tag counts by its
// rarity, IDF = log(tagged things / things with this tag), so "rock" says little and "shoegaze" a lot (degrees come
// from Neo4j's degree store: constant time even for giant tags). Fan-out: the 10 rarest tags a seed song; per tag at
// most 500 songs scanned, the $fanout most listened kept.
CALL { MATCH (x:Song) RETURN count(x) AS songs }
CALL { MATCH (x:Artist) RETURN count(x) AS artists }
WITH songs + artists + 1 AS n
UNWIND $songs AS seed
MATCH (s:Song {id: seed.id})
CALL {
  WITH s, n
  MATCH (s)-[:TAGGED|HAS_GENRE]->(t)
  WITH t, log(toFloat(n) / (1 + COUNT { (t)<-[:TAGGED|HAS_GENRE]-() })) AS idf
  WHERE idf > 0
  RETURN t, idf ORDER BY idf DESC LIMIT 10
}
CALL {
  WITH t, s
  CALL { WITH t MATCH (c:Song)-[:TAGGED|HAS_GENRE]->(t) RETURN c LIMIT 500 }
  WITH c WHERE c <> s
  WITH c ORDER BY COUNT { (c)<-[:LISTENED]-() } DESC LIMIT $fanout
  RETURN c
}
WITH c, t, idf, s, seed
WHERE NOT c.id IN $exclude AND NOT c.id IN [x IN $songs | x.id]
WITH c, sum(seed.weight * idf) AS score, count(*) AS support,
     collect({w: seed.weight * idf, kind: CASE WHEN t:Genre THEN 'genre' ELSE 'tag' END,
              path: [s.id, t.id, c.id], names: [s.name, t.name, c.name]}) AS paths
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, best.path AS path, best.names AS names, support, best.kind AS detail
ORDER BY score DESC, id
LIMIT $limit;
