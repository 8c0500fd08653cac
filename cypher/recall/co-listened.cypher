// Co-listened: songs played in the same sessions as the listener's songs (CO_LISTENED, aggregated from events).
// Fan-out: at most 500 co-listen links scanned a seed song, the $fanout strongest kept. Names are read for the
// returned rows only.
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
     collect({w: seed.weight * log(1 + together), together: together, s: s}) AS paths
ORDER BY score DESC, c.id
LIMIT $limit
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, [best.s.id, c.id] AS path, [best.s.name, c.name] AS names,
       support, toString(best.together) AS detail
ORDER BY score DESC, id;
