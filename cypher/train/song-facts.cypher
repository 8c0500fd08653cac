// Song facts for the interest models' song tower
//
// What a song is, as the knowledge-aware song tower attends over it: its performers, album, writers, producers,
// genres, language and tags, and one hop further what those are: an album's artists, an artist's genres, tags and
// bands. Listeners, sessions and co-listens are left out on purpose: a song's vector comes from what the song is,
// so one nobody has played yet gets a useful vector from its neighbours.
// Returns: head, relation, tail (node ids), fromSong (whether the head is the song itself).
//
// Try it in Neo4j Browser (all songs; add LIMIT 25 to look):
MATCH (s:Song)-[r:PERFORMED_BY|ON_ALBUM|WRITTEN_BY|PRODUCED_BY|HAS_GENRE|IN_LANGUAGE|TAGGED]->(e)
WHERE e.id IS NOT NULL
RETURN s.id AS head, type(r) AS relation, e.id AS tail, true AS fromSong
UNION ALL
MATCH (e)-[r:BY|HAS_GENRE|TAGGED|MEMBER_OF]->(f)
WHERE (e:Album OR e:Artist) AND NOT e:Song AND f.id IS NOT NULL
RETURN e.id AS head, type(r) AS relation, f.id AS tail, false AS fromSong
