// Co-listened: songs played in the same sessions as the listener's songs (CO_LISTENED, aggregated from events).
// Fan-out: at most 500 co-listen links scanned a seed song, the $fanout strongest kept.
UNWIND $songs AS seed
MATCH (s:Song {id: seed.id})
CALL {
  WITH s
  MATCH (s)-[r:CO_LISTENED]-(c:Song)
  WITH c, r LIMIT 500
  RETURN c, r.weight AS together ORDER BY together DESC LIMIT $fanout
}
WITH c, together, s, seed
WHERE NOT c.id IN $exclude AND NOT c.id IN [x IN $songs | x.id]
WITH c, sum(seed.weight * log(1 + together)) AS score, count(*) AS support,
     collect({w: seed.weight * log(1 + together), together: together, path: [s.id, c.id], names: [s.name, c.name]}) AS paths
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, best.path AS path, best.names AS names, support,
       toString(best.together) AS detail
ORDER BY score DESC, id
LIMIT $limit;
