// Song neighbourhood
//
// One song and what surrounds it: its albums and their artists, its own performers,
// writers and producers, genres, tags (heaviest first) and language, the videos that
// feature it, the MLOGs that use it, playlists that contain it, and the songs most
// often played together with it (CO_LISTENED, heaviest first). Each part is capped at
// $limit paths; the song node itself is always returned.
// Returns: part, p (a path to draw).
//
// Try it in Neo4j Browser:
// :param songId => 'dbpedia:Love_Me_Do'
// :param limit => 25
MATCH (s:Song {id: $songId})
CALL (s) {
  MATCH p = (s)
  RETURN 'song' AS part, p
  UNION
  MATCH p = (s)-[:ON_ALBUM]->(:Album)
  RETURN 'album' AS part, p LIMIT $limit
  UNION
  MATCH p = (s)-[:ON_ALBUM]->(:Album)-[:BY]->(:Artist)
  RETURN 'album artist' AS part, p LIMIT $limit
  UNION
  MATCH p = (s)-[:PERFORMED_BY]->(:Artist)
  RETURN 'performer' AS part, p LIMIT $limit
  UNION
  MATCH p = (s)-[:WRITTEN_BY|PRODUCED_BY]->(:Person)
  RETURN 'writer / producer' AS part, p LIMIT $limit
  UNION
  MATCH p = (s)-[:HAS_GENRE|IN_LANGUAGE]->(:Genre|Language)
  RETURN 'genre / language' AS part, p LIMIT $limit
  UNION
  MATCH p = (s)-[t:TAGGED]->(:Tag)
  WITH p, t
  ORDER BY t.weight DESC
  LIMIT $limit
  RETURN 'tag' AS part, p
  UNION
  MATCH p = (s)<-[:FEATURES|USES]-(:Video|Mlog)
  RETURN 'video / MLOG' AS part, p LIMIT $limit
  UNION
  MATCH p = (s)<-[:CONTAINS]-(:Playlist)
  RETURN 'playlist' AS part, p LIMIT $limit
  UNION
  MATCH p = (s)-[c:CO_LISTENED]-(:Song)
  WITH p, c
  ORDER BY c.weight DESC
  LIMIT $limit
  RETURN 'played together with' AS part, p
}
RETURN part, p;
