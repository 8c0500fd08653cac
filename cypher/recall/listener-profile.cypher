// Listeners' profiles, one row each of those the graph knows ($users: one on a request, a batch when the background
// keeps remembered profiles current; recall.ListenerProfiles): every song they heard with its aggregated
// counts (Java weighs them, events.ActionWeights) and whether they disliked it; the artists they listened to directly
// (HetRec records plays per artist); their onboarding choices: artists they follow and, for genres they prefer, that
// genre's best-known artists (3 a genre, by albums, songs and listeners; degrees from the degree store, 200 artists a
// genre looked at); their profile's time zone; and the playlists they made (never offered back to them). At most
// 5,000 listens read of each kind.
UNWIND $users AS user
MATCH (u:User {id: user})
CALL {
  WITH u
  OPTIONAL MATCH (u)-[l:LISTENED]->(s:Song)
  WITH s, l LIMIT 5000
  WHERE s IS NOT NULL
  RETURN collect({id: s.id, name: s.name, plays: coalesce(l.plays, 0), completes: coalesce(l.completes, 0),
                  likes: coalesce(l.likes, 0), skips: coalesce(l.skips, 0), disliked: coalesce(l.disliked, false)}) AS songs
}
CALL {
  WITH u
  OPTIONAL MATCH (u)-[l:LISTENED]->(a:Artist)
  WITH a, l LIMIT 5000
  WITH a, coalesce(l.plays, 0) AS plays
  WHERE a IS NOT NULL AND plays > 0
  RETURN collect({id: a.id, name: a.name, plays: plays}) AS artists
}
CALL {
  WITH u
  OPTIONAL MATCH (u)-[:FOLLOWS]->(a:Artist)
  WITH a LIMIT 50
  WHERE a IS NOT NULL
  RETURN collect({id: a.id, name: a.name}) AS followed
}
CALL {
  WITH u
  OPTIONAL MATCH (u)-[:PREFERS_GENRE]->(g:Genre)
  WITH g LIMIT 10
  WHERE g IS NOT NULL
  CALL {
    WITH g
    CALL { WITH g MATCH (a:Artist)-[:HAS_GENRE]->(g) RETURN a LIMIT 200 }
    WITH a, g ORDER BY COUNT { (a)<-[:BY]-() } + COUNT { (a)<-[:PERFORMED_BY]-() } + COUNT { (a)<-[:LISTENED]-() } DESC, a.id
    LIMIT 3
    RETURN collect({id: a.id, name: a.name, genre: g.name}) AS artists
  }
  RETURN reduce(all = [], x IN collect(artists) | all + x) AS genreArtists
}
RETURN user, songs, artists, followed, genreArtists, u.timeZone AS timeZone,
       COLLECT { MATCH (u)-[:CREATED]->(p:Playlist) RETURN p.id LIMIT 1000 } AS created;
