// What the scenes need to know of a listener beyond recall's seeds: every song they heard (to tell familiar from
// discovery), how fond they are of it and whether they disliked it, and their onboarding choices: artists they follow
// and, for genres they prefer, that genre's best-known artists (3 a genre, by albums, songs and listeners;
// degrees from the degree store, 200 artists a genre looked at). At most 5,000 listens read.
MATCH (u:User {id: $user})
CALL {
  WITH u
  OPTIONAL MATCH (u)-[l:LISTENED]->(s:Song)
  WITH s, l LIMIT 5000
  WHERE s IS NOT NULL
  RETURN collect({id: s.id, name: s.name, plays: coalesce(l.plays, 0), disliked: coalesce(l.disliked, false),
                  fondness: log(1 + coalesce(l.plays, 0) + coalesce(l.completes, 0)) + 2 * coalesce(l.likes, 0)
                            - 0.5 * log(1 + coalesce(l.skips, 0))}) AS songs
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
RETURN songs, followed, genreArtists, u.timeZone AS timeZone;
