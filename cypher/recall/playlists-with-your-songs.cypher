// Playlists with the listener's songs: a playlist scores the weights of the seed songs it holds, a short playlist
// more than a long one (1 / log(2 + length)); the listener's own playlists are left out. Fan-out: $fanout playlists a
// seed song. Stored per song in the neighbour store (neighbours.CatalogChannels computes the same in memory).
UNWIND $songs AS seed
MATCH (s:Song {id: seed.id})
CALL { WITH s MATCH (s)<-[:CONTAINS]-(p:Playlist) RETURN p LIMIT $fanout }
WITH p, s, seed
WHERE NOT p.id IN $exclude AND NOT EXISTS { (:User {id: $user})-[:CREATED]->(p) }
WITH p, s, seed, 1.0 / log(2 + COUNT { (p)-[:CONTAINS]->() }) AS strength
WITH p, sum(seed.weight * strength) AS score, count(*) AS support,
     collect({w: seed.weight, path: [s.id, p.id], names: [s.name, p.name]}) AS paths
WITH p, score, support, reduce(best = head(paths), x IN paths | CASE WHEN x.w > best.w THEN x ELSE best END) AS best
RETURN p.id AS id, 'playlist' AS type, p.name AS name, score, best.path AS path, best.names AS names, support,
       null AS detail
ORDER BY score DESC, id
LIMIT $limit;
