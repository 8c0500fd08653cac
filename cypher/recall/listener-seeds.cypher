// A listener's long-term seeds: the songs they played, completed and liked (skips count against), and the artists
// they listened to directly (HetRec records plays per artist). At most 5,000 listens read; Java keeps the strongest.
MATCH (u:User {id: $user})
CALL {
  WITH u
  OPTIONAL MATCH (u)-[l:LISTENED]->(s:Song)
  WITH s, l LIMIT 5000
  WITH s, coalesce(l.plays, 0) AS plays,
       log(1 + coalesce(l.plays, 0) + coalesce(l.completes, 0)) + 2 * coalesce(l.likes, 0)
         - 0.5 * log(1 + coalesce(l.skips, 0)) AS fondness
  WHERE s IS NOT NULL AND fondness > 0
  RETURN collect({id: s.id, name: s.name, plays: plays, fondness: fondness}) AS songs
}
CALL {
  WITH u
  OPTIONAL MATCH (u)-[l:LISTENED]->(a:Artist)
  WITH a, l LIMIT 5000
  WITH a, coalesce(l.plays, 0) AS plays
  WHERE a IS NOT NULL AND plays > 0
  RETURN collect({id: a.id, name: a.name, plays: plays, fondness: log(1 + plays)}) AS artists
}
RETURN songs, artists;
