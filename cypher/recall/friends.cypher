// Friends' favourites: the most played and liked songs of the people the listener follows. Fan-out: $fanout friends;
// a friend's 1,000 listens scanned at most, their 20 favourites kept.
MATCH (u:User {id: $user})
CALL { WITH u MATCH (u)-[:FOLLOWS]->(f:User) RETURN f LIMIT $fanout }
CALL {
  WITH f
  MATCH (f)-[l:LISTENED]->(c:Song)
  WITH c, l LIMIT 1000
  WITH c, coalesce(l.plays, 0) AS plays, log(1 + coalesce(l.plays, 0)) + 2 * coalesce(l.likes, 0) AS fondness
  RETURN c, plays, fondness ORDER BY fondness DESC LIMIT 20
}
WITH c, f, plays, fondness, u
WHERE fondness > 0 AND NOT c.id IN $exclude AND NOT c.id IN [x IN $songs | x.id]
WITH c, sum(fondness) AS score, count(*) AS support,
     collect({w: fondness, plays: plays, path: [u.id, f.id, c.id], names: [u.name, coalesce(f.name, f.id), c.name]}) AS paths
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, best.path AS path, best.names AS names, support,
       toString(best.plays) AS detail
ORDER BY score DESC, id
LIMIT $limit;
