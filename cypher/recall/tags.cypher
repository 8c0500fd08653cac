// Shared tags and genres: songs carrying the rare tags and genres of the listener's songs. A tag counts by its
// rarity cubed, idf^3 with idf = log(1 + tagged things / things with this tag), so "rock" says little and "shoegaze" a
// lot (the exponent the offline evaluation chose for kg-tags, docs/eval/README.md; degrees come from Neo4j's degree
// store: constant time even for giant tags). Fan-out: the 10 rarest tags a seed song, the 20 strongest of them all;
// each tag expanded once, however many seed songs carry it: at most 500 of its songs scanned, the $fanout most
// listened kept.
CALL { MATCH (x:Song) RETURN count(x) AS songs }
CALL { MATCH (x:Artist) RETURN count(x) AS artists }
WITH songs + artists AS n
CALL { UNWIND $songs AS seed MATCH (s:Song {id: seed.id}) RETURN collect(s) AS seedSongs }
UNWIND $songs AS seed
MATCH (s:Song {id: seed.id})
CALL {
  WITH s, n
  MATCH (s)-[:TAGGED|HAS_GENRE]->(t)
  WITH t, log(1 + toFloat(n) / COUNT { (t)<-[:TAGGED|HAS_GENRE]-() }) ^ 3 AS idf
  RETURN t, idf ORDER BY idf DESC LIMIT 10
}
WITH t, idf, seedSongs, sum(seed.weight) AS weight, count(*) AS seeds,
     reduce(best = null, x IN collect({w: seed.weight, s: s}) | CASE WHEN best IS NULL OR x.w > best.w THEN x ELSE best END) AS via
// the 20 strongest tags of all the seeds
ORDER BY weight * idf DESC, t.id
LIMIT 20
CALL {
  WITH t, seedSongs
  CALL { WITH t MATCH (c:Song)-[:TAGGED|HAS_GENRE]->(t) RETURN c LIMIT 500 }
  WITH c WHERE NOT c IN seedSongs
  WITH c ORDER BY COUNT { (c)<-[:LISTENED]-() } DESC LIMIT $fanout
  RETURN c
}
WITH c, t, idf, weight, seeds, via.s AS s, via.w AS w
WHERE NOT c.id IN $exclude
WITH c, sum(weight * idf) AS score, sum(seeds) AS support,
     collect({w: w * idf, kind: CASE WHEN t:Genre THEN 'genre' ELSE 'tag' END,
              path: [s.id, t.id, c.id], names: [s.name, t.name, c.name]}) AS paths
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, best.path AS path, best.names AS names, support, best.kind AS detail
ORDER BY score DESC, id
LIMIT $limit;
