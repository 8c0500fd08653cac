// Two hops over tags: artists that share the rare tags and genres of the listener's artists (their favourites, and
// the artists of their songs), then those artists' most listened songs. IDF-weighted as in tags.cypher. Fan-out: 3
// artists a seed song, the 10 rarest tags an artist, $fanout artists a tag (from at most 500), 5 songs an artist.
CALL { MATCH (x:Song) RETURN count(x) AS songs }
CALL { MATCH (x:Artist) RETURN count(x) AS artists }
WITH songs + artists + 1 AS n
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
  RETURN a, seed.weight AS weight
  UNION ALL
  UNWIND $artists AS seed
  MATCH (a:Artist {id: seed.id})
  RETURN a, seed.weight AS weight
}
WITH n, a, max(weight) AS weight
CALL {
  WITH a, n
  MATCH (a)-[:TAGGED|HAS_GENRE]->(t)
  WITH t, log(toFloat(n) / (1 + COUNT { (t)<-[:TAGGED|HAS_GENRE]-() })) AS idf
  WHERE idf > 0
  RETURN t, idf ORDER BY idf DESC LIMIT 10
}
CALL { WITH t, a MATCH (b:Artist)-[:TAGGED|HAS_GENRE]->(t) WHERE b <> a RETURN b LIMIT $fanout }
WITH a, b, weight, sum(idf) AS shared, collect(t)[0] AS t
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
WITH c, a, b, t, weight * shared AS w
WHERE NOT c.id IN $exclude AND NOT c.id IN [x IN $songs | x.id]
WITH c, sum(w) AS score, count(*) AS support,
     collect({w: w, path: [a.id, t.id, b.id, c.id], names: [a.name, t.name, b.name, c.name]}) AS paths
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, best.path AS path, best.names AS names, support, null AS detail
ORDER BY score DESC, id
LIMIT $limit;
