// Playlists: songs that share playlists with the listener's songs; a short playlist is a stronger statement than a
// long one (weight 1 / log(2 + length)). Fan-out: 10 playlists a seed song, 30 songs a playlist. Names are read for
// the returned rows only.
UNWIND $songs AS seed
MATCH (s:Song {id: seed.id})
CALL { WITH s MATCH (s)<-[:CONTAINS]-(p:Playlist) RETURN p LIMIT 10 }
WITH s, seed, p, 1.0 / log(2 + COUNT { (p)-[:CONTAINS]->() }) AS strength
CALL { WITH p, s MATCH (p)-[:CONTAINS]->(c:Song) WHERE c <> s RETURN c LIMIT 30 }
WITH c, p, s, seed, strength
WHERE NOT c.id IN $exclude AND NOT c.id IN [x IN $songs | x.id]
WITH c, sum(seed.weight * strength) AS score, count(*) AS support, collect({w: seed.weight * strength, s: s, p: p}) AS paths
ORDER BY score DESC, c.id
LIMIT $limit
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, [best.s.id, best.p.id, c.id] AS path,
       [best.s.name, best.p.name, c.name] AS names, support, null AS detail
ORDER BY score DESC, id;
