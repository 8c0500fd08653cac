// What connects a listener to a song
//
// Every route (up to 5 hops) from a user to a song, labelled with the reason it
// stands for: the user played it; it is in a playlist or MLOG the user (or someone
// they follow) made; it is by an artist they play, follow or tagged (directly or
// through one of that artist's albums), or by a band / member of such an artist;
// someone they follow played it; it is often played together with a song they play;
// it shares a writer, producer, tag or genre with something they play. The last part
// adds the shortest connections of any kind (at most 5 hops) so there is something to
// look at even when no rule applies. Each reason is capped at $limit paths.
// Songs and Last.fm users only meet when the user has song-level LISTENED edges (from
// the events journal or the simulator) or when catalog artists are the ones they play.
// Returns: why, hops, p (the path to draw), shortest first.
//
// Try it in Neo4j Browser:
// :param userId => 'hetrec:user:2'
// :param songId => 'dbpedia:Love_Me_Do'
// :param limit => 10
MATCH (u:User {id: $userId})
MATCH (s:Song {id: $songId})
CALL (u, s) {
  MATCH p = (u)-[:LISTENED]->(s)
  RETURN 'played it' AS why, p LIMIT $limit
  UNION
  MATCH p = (u)-[:CREATED]->(:Playlist|Mlog)-[:CONTAINS|USES]->(s)
  RETURN 'in a playlist / MLOG they made' AS why, p LIMIT $limit
  UNION
  MATCH p = (u)-[:LISTENED|FOLLOWS|APPLIED_TAG]->(:Artist)<-[:PERFORMED_BY|ON_ALBUM|BY*1..2]-(s)
  RETURN 'by an artist they play / follow / tagged' AS why, p LIMIT $limit
  UNION
  MATCH p = (u)-[:LISTENED|FOLLOWS|APPLIED_TAG]->(:Artist)-[:MEMBER_OF]-(:Artist)<-[:PERFORMED_BY|ON_ALBUM|BY*1..2]-(s)
  RETURN 'by a band or member of an artist they know' AS why, p LIMIT $limit
  UNION
  MATCH p = (u)-[:FOLLOWS]->(:User)-[:LISTENED]->(s)
  RETURN 'someone they follow played it' AS why, p LIMIT $limit
  UNION
  MATCH p = (u)-[:FOLLOWS]->(:User)-[:CREATED]->(:Playlist|Mlog)-[:CONTAINS|USES]->(s)
  RETURN 'in a playlist / MLOG of someone they follow' AS why, p LIMIT $limit
  UNION
  MATCH p = (u)-[:LISTENED]->(:Song)-[:CO_LISTENED]-(s)
  RETURN 'often played with a song they play' AS why, p LIMIT $limit
  UNION
  MATCH p = (u)-[:LISTENED]->(:Song)-[:WRITTEN_BY|PRODUCED_BY]->(:Person)<-[:WRITTEN_BY|PRODUCED_BY]-(s)
  RETURN 'same writer / producer as a song they play' AS why, p LIMIT $limit
  UNION
  MATCH p = (u)-[:LISTENED]->(:Song|Artist)-[:TAGGED|HAS_GENRE]->(:Tag|Genre)<-[:TAGGED|HAS_GENRE]-(s)
  RETURN 'shares a tag / genre with something they play' AS why, p LIMIT $limit
  UNION
  MATCH p = allShortestPaths((u)-[*..5]-(s))
  RETURN 'shortest connection of any kind' AS why, p LIMIT $limit
}
RETURN why, length(p) AS hops, p
ORDER BY hops, why;
