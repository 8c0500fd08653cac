// The paths the recall channels follow from a listener to a song, each row labelled with the channel that walks it
// (GET /users/{id}/recall shows which paths a channel actually picked, with the same node ids). Seeds are the
// listener's played songs and their artists, as in cypher/recall/. Use the graph view. On the demo, try
// 'sim:user:0001' and 'dbpedia:Been_Down_So_Long'.
// :param userId => 'hetrec:user:2'
// :param songId => 'dbpedia:Love_Me_Do'
MATCH (u:User {id: $userId})
MATCH (s:Song {id: $songId})
CALL (u, s) {
  MATCH p = (u)-[:LISTENED]->(:Song)-[:ON_ALBUM]->(:Album)<-[:ON_ALBUM]-(s)
  RETURN 'kg-same-album' AS channel, p LIMIT 10
  UNION
  MATCH p = (u)-[:LISTENED]->(:Song)-[:PERFORMED_BY|ON_ALBUM|BY*1..2]->(:Artist)<-[:PERFORMED_BY|ON_ALBUM|BY*1..2]-(s)
  RETURN 'kg-same-artist' AS channel, p LIMIT 10
  UNION
  MATCH p = (u)-[:LISTENED]->(:Song)-[:PERFORMED_BY|ON_ALBUM|BY*1..2]->(:Artist)-[:MEMBER_OF*1..2]-(:Artist)<-[:PERFORMED_BY|ON_ALBUM|BY*1..2]-(s)
  RETURN 'kg-band-members' AS channel, p LIMIT 10
  UNION
  MATCH p = (u)-[:LISTENED]->(:Song)-[:WRITTEN_BY|PRODUCED_BY]->(:Person)<-[:WRITTEN_BY|PRODUCED_BY]-(s)
  RETURN 'kg-same-writer' AS channel, p LIMIT 10
  UNION
  MATCH p = (u)-[:LISTENED]->(:Song)-[:TAGGED|HAS_GENRE]->(:Tag|Genre)<-[:TAGGED|HAS_GENRE]-(s)
  RETURN 'kg-tags' AS channel, p LIMIT 10
  UNION
  MATCH p = (u)-[:LISTENED]->(:Song|Artist)-[:PERFORMED_BY|ON_ALBUM|BY*0..2]->(:Artist)-[:TAGGED|HAS_GENRE]->(:Tag|Genre)
            <-[:TAGGED|HAS_GENRE]-(:Artist)<-[:PERFORMED_BY|ON_ALBUM|BY*1..2]-(s)
  RETURN 'kg-artist-tags' AS channel, p LIMIT 10
  UNION
  MATCH p = (u)-[:LISTENED]->(:Song)-[:CO_LISTENED]-(s)
  RETURN 'kg-co-listened' AS channel, p LIMIT 10
  UNION
  MATCH p = (u)-[:FOLLOWS]->(:User)-[:LISTENED]->(s)
  RETURN 'kg-friends' AS channel, p LIMIT 10
  UNION
  MATCH p = (u)-[:LISTENED]->(:Song)<-[:CONTAINS]-(:Playlist)-[:CONTAINS]->(s)
  RETURN 'kg-playlists' AS channel, p LIMIT 10
  UNION
  MATCH p = (u)-[:LISTENED]->(:Song)<-[:FEATURES|USES]-(:Video|Mlog)-[:FEATURES|USES]->(s)
  RETURN 'kg-videos / kg-watched-songs' AS channel, p LIMIT 10
}
RETURN channel, length(p) AS hops, p
ORDER BY channel, hops;
