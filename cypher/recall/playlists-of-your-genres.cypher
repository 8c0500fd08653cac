// Playlists full of the listener's genres and tags: the 5 genres/tags their seed songs carry most (by seed weight),
// then of 200 songs of each, the playlists holding them (5 a song); a playlist scores how many such songs it holds
// times the genre's weight. Hub genres stay bounded by the per-hop limits.
UNWIND $songs AS seed
MATCH (s:Song {id: seed.id})-[:HAS_GENRE|TAGGED]->(g)
WITH g, sum(seed.weight) AS w, collect(s)[0] AS s
ORDER BY w DESC, g.id
LIMIT 5
CALL { WITH g MATCH (c:Song)-[:HAS_GENRE|TAGGED]->(g) RETURN c LIMIT 200 }
CALL { WITH c MATCH (p:Playlist)-[:CONTAINS]->(c) RETURN p LIMIT 5 }
WITH p, g, w, s, count(c) AS songs
WHERE NOT p.id IN $exclude AND NOT EXISTS { (:User {id: $user})-[:CREATED]->(p) }
WITH p, sum(w * songs) AS score, count(*) AS support,
     collect({w: w * songs, n: songs, path: [s.id, g.id, p.id], names: [s.name, g.name, p.name]}) AS paths
WITH p, score, support, reduce(best = head(paths), x IN paths | CASE WHEN x.w > best.w THEN x ELSE best END) AS best
RETURN p.id AS id, 'playlist' AS type, p.name AS name, score, best.path AS path, best.names AS names, support,
       toString(best.n) AS detail
ORDER BY score DESC, id
LIMIT $limit;
