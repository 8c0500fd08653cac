// Song facts of some songs, for the interest models' song tower
//
// The facts song-facts.cypher reads for the whole catalog, for the songs in $ids only: the song's performers, album,
// writers, producers, genres, language and tags, and every fact among albums and artists that touches one of those
// (an album's artists, an artist's genres and tags, a band's members and the bands an artist is in). From these a
// song's neighbourhood is the one it has in the full catalog, so a song added after the model was trained gets the
// vector the trained tower would have given it.
// Parameters: $ids (song ids). Returns: head, relation, tail (node ids), fromSong (whether the head is a song).
//
// Try it in Neo4j Browser: :param ids => ['song:...']
UNWIND $ids AS id
MATCH (s:Song {id: id})-[r:PERFORMED_BY|ON_ALBUM|WRITTEN_BY|PRODUCED_BY|HAS_GENRE|IN_LANGUAGE|TAGGED]->(e)
WHERE e.id IS NOT NULL
RETURN s.id AS head, type(r) AS relation, e.id AS tail, true AS fromSong
UNION
UNWIND $ids AS id
MATCH (:Song {id: id})-[:PERFORMED_BY|ON_ALBUM|WRITTEN_BY|PRODUCED_BY|HAS_GENRE|IN_LANGUAGE|TAGGED]->(x)
WHERE x.id IS NOT NULL AND NOT x:Song
WITH DISTINCT x
CALL {
  WITH x
  MATCH (x)-[r:BY|HAS_GENRE|TAGGED|MEMBER_OF]->(f)
  WHERE (x:Album OR x:Artist) AND f.id IS NOT NULL
  RETURN x AS e, r, f
  UNION
  WITH x
  MATCH (e)-[r:BY|HAS_GENRE|TAGGED|MEMBER_OF]->(x)
  WHERE (e:Album OR e:Artist) AND NOT e:Song
  RETURN e, r, x AS f
}
RETURN e.id AS head, type(r) AS relation, f.id AS tail, false AS fromSong
