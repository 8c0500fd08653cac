// Same album: the other tracks of the albums the listener's songs are on. Fan-out: 3 albums a seed song, $fanout
// tracks an album.
UNWIND $songs AS seed
MATCH (s:Song {id: seed.id})
CALL { WITH s MATCH (s)-[:ON_ALBUM]->(al:Album) RETURN al LIMIT 3 }
CALL { WITH al, s MATCH (c:Song)-[:ON_ALBUM]->(al) WHERE c <> s RETURN c LIMIT $fanout }
WITH c, al, s, seed
WHERE NOT c.id IN $exclude AND NOT c.id IN [x IN $songs | x.id]
WITH c, sum(seed.weight) AS score, count(*) AS support,
     collect({w: seed.weight, path: [s.id, al.id, c.id], names: [s.name, al.name, c.name]}) AS paths
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, best.path AS path, best.names AS names, support, null AS detail
ORDER BY score DESC, id
LIMIT $limit;
