// Top listeners of an artist
//
// The users who play an artist the most, counting both artist-level LISTENED edges
// (Last.fm HetRec play counts) and song-level LISTENED edges on the artist's songs
// (performed directly or on one of its albums; from the events journal or the
// simulator). The two are shown side by side and ranked by the larger one, because an
// artist-level edge may already be the sum of the song-level ones.
// Returns: listener, plays, artistPlays, songPlays, songsPlayed, likes, skips,
// followsArtist, artist, paths (up to 5 LISTENED paths per listener, to draw).
//
// Try it in Neo4j Browser:
// :param artistId => 'hetrec:artist:289'
// :param limit => 25
// also try :param artistId => 'dbpedia:The_Beatles'
MATCH (a:Artist {id: $artistId})
CALL (a) {
  MATCH p = (u:User)-[l:LISTENED]->(a)
  RETURN u, 'artist' AS level, l, p
  UNION ALL
  MATCH (a)<-[:PERFORMED_BY|ON_ALBUM|BY*1..2]-(s:Song)
  WITH DISTINCT s
  MATCH p = (u:User)-[l:LISTENED]->(s)
  RETURN u, 'song' AS level, l, p
}
WITH a, u,
     sum(CASE level WHEN 'artist' THEN coalesce(l.plays, 0) ELSE 0 END) AS artistPlays,
     sum(CASE level WHEN 'song' THEN coalesce(l.plays, 0) ELSE 0 END) AS songPlays,
     count(CASE level WHEN 'song' THEN 1 END) AS songsPlayed,
     sum(coalesce(l.likes, 0)) AS likes,
     sum(coalesce(l.skips, 0)) AS skips,
     collect(p)[..5] AS paths
WITH a, u, artistPlays, songPlays, songsPlayed, likes, skips, paths,
     CASE WHEN artistPlays > songPlays THEN artistPlays ELSE songPlays END AS plays
ORDER BY plays DESC, likes DESC, u.id
LIMIT $limit
RETURN coalesce(u.name, u.id) AS listener, plays, artistPlays, songPlays, songsPlayed,
       likes, skips, EXISTS { (u)-[:FOLLOWS]->(a) } AS followsArtist, a AS artist, paths;
