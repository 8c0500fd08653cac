// Artist neighbourhood
//
// One artist and what surrounds it: its albums, its songs (performed directly, or on
// one of its albums: the DBpedia sample only has the album route), the bands it is a
// member of and its members, the writers and producers behind its songs and albums
// (most credited first), the songs it wrote or produced itself when the artist is also
// a Person, and its genres and tags (heaviest first). Each part is capped at $limit
// paths so hub artists stay readable; the artist node itself is always returned.
// Returns: part (which part of the neighbourhood), p (a path to draw).
//
// Try it in Neo4j Browser:
// :param artistId => 'dbpedia:The_Beatles'
// :param limit => 25
// also try :param artistId => 'dbpedia:John_Lennon'
// also try :param artistId => 'hetrec:artist:289'
MATCH (a:Artist {id: $artistId})
CALL (a) {
  MATCH p = (a)
  RETURN 'artist' AS part, p
  UNION
  MATCH p = (a)<-[:BY]-(:Album)
  RETURN 'album' AS part, p LIMIT $limit
  UNION
  MATCH p = (a)<-[:PERFORMED_BY]-(:Song)
  RETURN 'song performed by the artist' AS part, p LIMIT $limit
  UNION
  MATCH p = (a)<-[:BY]-(:Album)<-[:ON_ALBUM]-(:Song)
  RETURN 'song on one of its albums' AS part, p LIMIT $limit
  UNION
  MATCH p = (a)-[:MEMBER_OF]->(:Artist)
  RETURN 'band it is a member of' AS part, p LIMIT $limit
  UNION
  MATCH p = (a)<-[:MEMBER_OF]-(:Artist)
  RETURN 'member' AS part, p LIMIT $limit
  UNION
  MATCH p = (a)<-[:PERFORMED_BY|ON_ALBUM|BY*1..2]-(:Song)-[:WRITTEN_BY|PRODUCED_BY]->(person:Person)
  WITH person, head(collect(p)) AS p, count(*) AS credits
  ORDER BY credits DESC
  LIMIT $limit
  RETURN 'writer / producer of its songs' AS part, p
  UNION
  MATCH p = (a)<-[:BY]-(:Album)-[:PRODUCED_BY]->(person:Person)
  WITH person, head(collect(p)) AS p, count(*) AS credits
  ORDER BY credits DESC
  LIMIT $limit
  RETURN 'producer of its albums' AS part, p
  UNION
  MATCH p = (a:Person)<-[:WRITTEN_BY|PRODUCED_BY]-(:Song|Album)
  RETURN 'song / album it wrote or produced' AS part, p LIMIT $limit
  UNION
  MATCH p = (a)-[:HAS_GENRE]->(:Genre)
  RETURN 'genre' AS part, p LIMIT $limit
  UNION
  MATCH p = (a)-[t:TAGGED]->(:Tag)
  WITH p, t
  ORDER BY t.weight DESC
  LIMIT $limit
  RETURN 'tag' AS part, p
}
RETURN part, p;
