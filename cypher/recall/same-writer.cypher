// Same writer or producer: other songs written or produced by the people credited on the listener's songs. Fan-out:
// 5 people a seed song, $fanout songs a person (most listened first, from at most 300 scanned).
UNWIND $songs AS seed
MATCH (s:Song {id: seed.id})
CALL { WITH s MATCH (s)-[r:WRITTEN_BY|PRODUCED_BY]->(p:Person) RETURN p, type(r) AS role LIMIT 5 }
// each person is expanded once, however many seed songs they are credited on
WITH p, head(collect(role)) AS role, head(collect(s)) AS s, sum(seed.weight) AS weight
CALL {
  WITH p
  CALL { WITH p MATCH (c:Song)-[:WRITTEN_BY|PRODUCED_BY]->(p) RETURN c LIMIT 300 }
  WITH c ORDER BY COUNT { (c)<-[:LISTENED]-() } DESC LIMIT $fanout
  RETURN c
}
WITH c, p, role, s, {weight: weight} AS seed
WHERE c <> s
AND NOT c.id IN $exclude AND NOT c.id IN [x IN $songs | x.id]
WITH c, sum(seed.weight) AS score, count(*) AS support,
     collect({w: seed.weight, role: role, path: [s.id, p.id, c.id], names: [s.name, p.name, c.name]}) AS paths
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, best.path AS path, best.names AS names, support, best.role AS detail
ORDER BY score DESC, id
LIMIT $limit;
