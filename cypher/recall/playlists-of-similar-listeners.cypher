// Playlists made by listeners who love the listener's songs: per seed song, of 500 of its listeners the 10 who
// played it most, and at most 5 playlists each of them made. A playlist scores the seeds that led to it.
UNWIND $songs AS seed
MATCH (s:Song {id: seed.id})
CALL {
  WITH s
  CALL { WITH s MATCH (o:User)-[l:LISTENED]->(s) WHERE o.id <> $user RETURN o, l LIMIT 500 }
  WITH o, l ORDER BY l.plays DESC, o.id LIMIT 10
  RETURN o
}
CALL { WITH o MATCH (o)-[:CREATED]->(p:Playlist) RETURN p LIMIT 5 }
WITH p, o, s, seed
WHERE NOT p.id IN $exclude
WITH p, sum(seed.weight) AS score, count(*) AS support,
     collect({w: seed.weight, path: [s.id, o.id, p.id], names: [s.name, coalesce(o.name, o.id), p.name]}) AS paths
WITH p, score, support, reduce(best = head(paths), x IN paths | CASE WHEN x.w > best.w THEN x ELSE best END) AS best
RETURN p.id AS id, 'playlist' AS type, p.name AS name, score, best.path AS path, best.names AS names, support,
       null AS detail
ORDER BY score DESC, id
LIMIT $limit;
