// Cross-entity, song → video/MLOG: music videos featuring, and MLOGs using, the listener's songs. Fan-out: $fanout
// videos and MLOGs a seed song.
UNWIND $songs AS seed
MATCH (s:Song {id: seed.id})
CALL { WITH s MATCH (s)<-[:FEATURES|USES]-(v) WHERE v:Video OR v:Mlog RETURN v LIMIT $fanout }
WITH v, s, seed
WHERE NOT v.id IN $exclude
WITH v, sum(seed.weight) AS score, count(*) AS support,
     collect({w: seed.weight, path: [s.id, v.id], names: [s.name, v.name]}) AS paths
WITH v, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN v.id AS id, CASE WHEN v:Video THEN 'video' ELSE 'mlog' END AS type, v.name AS name, score, best.path AS path,
       best.names AS names, support, null AS detail
ORDER BY score DESC, id
LIMIT $limit;
