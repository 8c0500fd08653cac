// Band members' other work: artists linked to the listener's artists by membership (a band's members' own work,
// a member's bands, bands sharing a member), then their most listened songs. Fan-out: 3 artists a seed song, $fanout
// linked artists, 20 songs each (each linked artist expanded once).
CALL {
  UNWIND $songs AS seed
  MATCH (s:Song {id: seed.id})
  CALL {
    WITH s
    OPTIONAL MATCH (s)-[:PERFORMED_BY]->(p:Artist)
    WITH s, collect(p) AS performers
    OPTIONAL MATCH (s)-[:ON_ALBUM]->(:Album)-[:BY]->(b:Artist)
    WITH performers, collect(DISTINCT b) AS albumArtists
    WITH CASE WHEN size(performers) > 0 THEN performers ELSE albumArtists END AS artists
    UNWIND artists[0..3] AS a
    RETURN a
  }
  RETURN a, seed.weight AS weight, s.id AS viaId, s.name AS viaName
  UNION ALL
  UNWIND $artists AS seed
  MATCH (a:Artist {id: seed.id})
  RETURN a, seed.weight AS weight, a.id AS viaId, a.name AS viaName
}
WITH a, sum(weight) AS weight, head(collect(viaId)) AS viaId, head(collect(viaName)) AS viaName
CALL {
  WITH a
  MATCH p = (a)-[:MEMBER_OF*1..2]-(b:Artist) WHERE b <> a
  WITH b, CASE WHEN length(p) = 2 THEN 'shares-member'
               WHEN startNode(relationships(p)[0]) = a THEN 'band-of' ELSE 'member-of' END AS role
  RETURN b, min(role) AS role LIMIT $fanout
}
// each linked artist is expanded once, however many seed artists lead to it
WITH b, sum(weight) AS strength, count(*) AS pairs,
     collect({w: weight, role: role, a: a, viaId: viaId, viaName: viaName}) AS via
WITH b, strength, pairs, reduce(best = head(via), v IN via | CASE WHEN v.w > best.w THEN v ELSE best END) AS best
CALL {
  WITH b
  CALL {
    WITH b MATCH (c:Song)-[:PERFORMED_BY]->(b) RETURN c LIMIT 200
    UNION
    WITH b MATCH (c:Song)-[:ON_ALBUM]->(:Album)-[:BY]->(b) RETURN c LIMIT 200
  }
  WITH c ORDER BY COUNT { (c)<-[:LISTENED]-() } DESC LIMIT 20
  RETURN c
}
WITH c, b, strength, pairs, best, best.a AS a
WHERE NOT c.id IN $exclude AND NOT c.id IN [x IN $songs | x.id]
WITH c, sum(strength) AS score, sum(pairs) AS support,
     collect({w: best.w, role: best.role,
              path: CASE WHEN best.viaId = a.id THEN [a.id, b.id, c.id] ELSE [best.viaId, a.id, b.id, c.id] END,
              names: CASE WHEN best.viaId = a.id THEN [a.name, b.name, c.name] ELSE [best.viaName, a.name, b.name, c.name] END}) AS paths
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, best.path AS path, best.names AS names, support, best.role AS detail
ORDER BY score DESC, id
LIMIT $limit;
