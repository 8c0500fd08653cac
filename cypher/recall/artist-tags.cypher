// Two hops over tags: artists that share the rare tags and genres of the listener's artists (their favourites, and
// the artists of their songs), then those artists' most listened songs. A tag weighs idf^3, idf = log(1 + things /
// things with this tag), as in tags.cypher (the exponent the offline evaluation chose, docs/eval/README.md). Fan-out:
// 3 artists a seed song, the 10 rarest tags an artist, $fanout artists a tag (from its first 500 links), then the
// $fanout strongest of those artists, each expanded once (5 songs, the most listened of at most 400).
CALL { MATCH (x:Song) RETURN count(x) AS songs }
CALL { MATCH (x:Artist) RETURN count(x) AS artists }
WITH songs + artists AS n
CALL {
  UNWIND $songs AS seed
  MATCH (s:Song {id: seed.id})
  CALL {
    WITH s
    OPTIONAL MATCH (s)-[:PERFORMED_BY]->(p:Artist)
    WITH s, collect(p) AS performers
    OPTIONAL MATCH (s)-[:ON_ALBUM]->(:Album)-[:BY]->(b:Artist)
    WITH performers, collect(DISTINCT b) AS albumArtists
    WITH CASE WHEN size(performers) > 0 THEN performers ELSE albumArtists END AS artists
    UNWIND artists[0..3] AS a
    RETURN a
  }
  RETURN a, seed.weight AS weight, s.id AS viaId, s.name AS viaName
  UNION ALL
  UNWIND $artists AS seed
  MATCH (a:Artist {id: seed.id})
  RETURN a, seed.weight AS weight, a.id AS viaId, a.name AS viaName
}
// an artist counts as often as seeds lead to it (as in same-artist: the neighbour store sums per seed the same way);
// the path starts at the seed: the song whose artist this is, or the seed artist itself
WITH n, a, sum(weight) AS weight, head(collect(viaId)) AS viaId, head(collect(viaName)) AS viaName
CALL {
  WITH a, n
  MATCH (a)-[:TAGGED|HAS_GENRE]->(t)
  WITH t, log(1 + toFloat(n) / COUNT { (t)<-[:TAGGED|HAS_GENRE]-() }) ^ 3 AS idf
  RETURN t, idf ORDER BY idf DESC LIMIT 10
}
// at most 500 of the tag's links scanned: a genre carried by 25,000 songs would otherwise be walked to its artists
CALL { WITH t, a MATCH (t)<-[:TAGGED|HAS_GENRE]-(b) WITH a, b LIMIT 500 WITH b WHERE b:Artist AND b <> a RETURN b LIMIT $fanout }
// the rarest shared tag names the pair; then each artist b once, however many seed artists lead to it
WITH a, b, weight, viaId, viaName, sum(idf) AS shared, collect(t)[0] AS t
WITH b, sum(weight * shared) AS strength, count(*) AS pairs,
     collect({w: weight * shared, a: a, t: t, viaId: viaId, viaName: viaName}) AS via
ORDER BY strength DESC, b.id
LIMIT $fanout
WITH b, strength, pairs, reduce(best = head(via), v IN via | CASE WHEN v.w > best.w THEN v ELSE best END) AS best
CALL {
  WITH b
  CALL {
    WITH b MATCH (c:Song)-[:PERFORMED_BY]->(b) RETURN c LIMIT 200
    UNION
    WITH b MATCH (c:Song)-[:ON_ALBUM]->(:Album)-[:BY]->(b) RETURN c LIMIT 200
  }
  WITH c ORDER BY COUNT { (c)<-[:LISTENED]-() } DESC LIMIT 5
  RETURN c
}
WITH c, b, strength, pairs, best
WHERE NOT c.id IN $exclude AND NOT c.id IN [x IN $songs | x.id]
WITH c, sum(strength) AS score, sum(pairs) AS support,
     collect({w: best.w,
              path: CASE WHEN best.viaId = best.a.id THEN [best.a.id, best.t.id, b.id, c.id]
                         ELSE [best.viaId, best.a.id, best.t.id, b.id, c.id] END,
              names: CASE WHEN best.viaId = best.a.id THEN [best.a.name, best.t.name, b.name, c.name]
                          ELSE [best.viaName, best.a.name, best.t.name, b.name, c.name] END}) AS paths
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, best.path AS path, best.names AS names, support, null AS detail
ORDER BY score DESC, id
LIMIT $limit;
