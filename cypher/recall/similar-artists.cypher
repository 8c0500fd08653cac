// Similar artists: artists sharing rare tags and genres with the seed artists (IDF-weighted), band members and
// bands, writers and producers in common, songs played in the same sessions, and listeners in common (artist-level
// LISTENED, as HetRec records). Every branch bounds its fan-out.
CALL { MATCH (x:Song) RETURN count(x) AS songs }
CALL { MATCH (x:Artist) RETURN count(x) AS artists }
WITH songs + artists + 1 AS n
UNWIND $artists AS seed
MATCH (a:Artist {id: seed.id})
CALL {
  WITH a, n
  MATCH (a)-[:TAGGED|HAS_GENRE]->(t)
  WITH a, t, log(toFloat(n) / (1 + COUNT { (t)<-[:TAGGED|HAS_GENRE]-() })) AS idf
  WHERE idf > 0
  WITH a, t, idf ORDER BY idf DESC LIMIT 10
  // at most 500 of the tag's links scanned: giant genres link mostly songs
  CALL { WITH a, t MATCH (t)<-[:TAGGED|HAS_GENRE]-(b) WITH a, b LIMIT 500 WITH b WHERE b:Artist AND b <> a RETURN b LIMIT $fanout }
  RETURN b, idf AS w, t AS via, 'tag' AS kind
  UNION ALL
  WITH a
  MATCH (a)-[:MEMBER_OF]-(b:Artist) WHERE b <> a
  WITH b LIMIT $fanout
  RETURN b, 3.0 AS w, b AS via, 'member' AS kind
  UNION ALL
  WITH a
  CALL {
    WITH a MATCH (s:Song)-[:PERFORMED_BY]->(a) RETURN s LIMIT 100
    UNION
    WITH a MATCH (s:Song)-[:ON_ALBUM]->(:Album)-[:BY]->(a) RETURN s LIMIT 100
  }
  CALL { WITH s MATCH (s)-[:WRITTEN_BY|PRODUCED_BY]->(p:Person) RETURN p LIMIT 5 }
  // each person once, counting the seed's songs they are credited on; the $fanout most credited kept
  WITH a, p, count(*) AS credits
  ORDER BY credits DESC, p.id
  LIMIT $fanout
  CALL {
    WITH p, a
    MATCH (p)<-[:WRITTEN_BY|PRODUCED_BY]-(c:Song)
    WITH a, c LIMIT 25
    CALL {
      WITH c MATCH (c)-[:PERFORMED_BY]->(b:Artist) RETURN b
      UNION
      WITH c MATCH (c)-[:ON_ALBUM]->(:Album)-[:BY]->(b:Artist) RETURN b
    }
    WITH a, b WHERE b <> a
    RETURN DISTINCT b
  }
  RETURN b, toFloat(credits) AS w, p AS via, 'credit' AS kind
  UNION ALL
  WITH a
  CALL {
    WITH a MATCH (s:Song)-[:PERFORMED_BY]->(a) RETURN s LIMIT 100
    UNION
    WITH a MATCH (s:Song)-[:ON_ALBUM]->(:Album)-[:BY]->(a) RETURN s LIMIT 100
  }
  CALL { WITH s MATCH (s)-[r:CO_LISTENED]-(o:Song) WITH o, r LIMIT 200 RETURN o, r.weight AS together ORDER BY together DESC LIMIT 10 }
  CALL {
    WITH o, a
    OPTIONAL MATCH (o)-[:PERFORMED_BY]->(p:Artist)
    OPTIONAL MATCH (o)-[:ON_ALBUM]->(:Album)-[:BY]->(q:Artist)
    WITH coalesce(p, q) AS b WHERE b IS NOT NULL AND b <> a
    RETURN DISTINCT b
  }
  RETURN b, log(1 + together) AS w, o AS via, 'co-listened' AS kind
  UNION ALL
  WITH a
  MATCH (a)<-[:LISTENED]-(u:User)
  WITH a, u LIMIT $fanout
  CALL { WITH u, a MATCH (u)-[l:LISTENED]->(b:Artist) WHERE b <> a RETURN b ORDER BY l.plays DESC LIMIT 10 }
  RETURN b, 0.5 AS w, u AS via, 'listeners' AS kind
}
WITH b, a, seed, w, via, kind
WHERE NOT b.id IN $exclude AND NOT b.id IN [x IN $artists | x.id]
WITH b, sum(seed.weight * w) AS score, count(*) AS support,
     collect({w: seed.weight * w, kind: kind, path: [a.id, via.id, b.id], names: [a.name, coalesce(via.name, via.id), b.name]}) AS paths
WITH b, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN b.id AS id, 'artist' AS type, b.name AS name, score, best.path AS path, best.names AS names, support, best.kind AS detail
ORDER BY score DESC, id
LIMIT $limit;
