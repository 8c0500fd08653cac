// Cross-entity, video/MLOG → song: the songs in the videos and MLOGs the listener watched (their recent activity,
// passed as $watched). Fan-out: 20 songs a video.
UNWIND $watched AS seed
CALL {
  WITH seed MATCH (v:Video {id: seed.id}) RETURN v
  UNION
  WITH seed MATCH (v:Mlog {id: seed.id}) RETURN v
}
CALL { WITH v MATCH (v)-[:FEATURES|USES]->(c:Song) RETURN c LIMIT 20 }
WITH c, v, seed
WHERE NOT c.id IN $exclude AND NOT c.id IN [x IN $songs | x.id]
WITH c, sum(seed.weight) AS score, count(*) AS support,
     collect({w: seed.weight, kind: CASE WHEN v:Video THEN 'video' ELSE 'MLOG' END, path: [v.id, c.id], names: [v.name, c.name]}) AS paths
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, best.path AS path, best.names AS names, support, best.kind AS detail
ORDER BY score DESC, id
LIMIT $limit;
