// Same artist: other songs by the artists of the listener's songs (the performers, else the album's artists) and by
// their favourite artists. Fan-out: 3 artists a seed song; per artist at most 300 songs scanned, the $fanout most
// listened kept.
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
// each artist is expanded once, however many seed songs lead to it
WITH a, sum(weight) AS weight, head(collect(viaId)) AS viaId, head(collect(viaName)) AS viaName
CALL {
  WITH a
  CALL {
    WITH a MATCH (c:Song)-[:PERFORMED_BY]->(a) RETURN c LIMIT 300
    UNION
    WITH a MATCH (c:Song)-[:ON_ALBUM]->(:Album)-[:BY]->(a) RETURN c LIMIT 300
  }
  WITH c ORDER BY COUNT { (c)<-[:LISTENED]-() } DESC LIMIT $fanout
  RETURN c
}
WITH c, a, weight, viaId, viaName
WHERE NOT c.id IN $exclude AND NOT c.id IN [x IN $songs | x.id]
WITH c, sum(weight) AS score, count(*) AS support,
     collect({w: weight, path: CASE WHEN viaId = a.id THEN [a.id, c.id] ELSE [viaId, a.id, c.id] END,
              names: CASE WHEN viaId = a.id THEN [a.name, c.name] ELSE [viaName, a.name, c.name] END}) AS paths
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, best.path AS path, best.names AS names, support, null AS detail
ORDER BY score DESC, id
LIMIT $limit;
