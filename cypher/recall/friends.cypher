// Friends' favourites: the most played and liked songs of the people the listener follows, a friend counting by how
// much they share the listener's taste: (1 + songs in common)^2 / sqrt(their songs), the weighting the offline
// evaluation chose for kg-social (γ = 2, docs/eval/README.md). Fan-out: $fanout friends; 5,000 of the listener's
// listens and 1,000 of a friend's scanned at most, a friend's 20 favourites kept.
MATCH (u:User {id: $user})
CALL { WITH u MATCH (u)-[:LISTENED]->(x:Song) WITH x LIMIT 5000 RETURN collect(x) AS mine }
CALL { WITH u MATCH (u)-[:FOLLOWS]->(f:User) RETURN f LIMIT $fanout }
CALL {
  WITH f, mine
  MATCH (f)-[l:LISTENED]->(c:Song)
  WITH f, mine, c, l LIMIT 1000
  WITH f, collect({c: c, plays: coalesce(l.plays, 0), fondness: log(1 + coalesce(l.plays, 0)) + 2 * coalesce(l.likes, 0)}) AS listens,
       sum(CASE WHEN c IN mine THEN 1 ELSE 0 END) AS common
  WITH listens, (1.0 + common) ^ 2 / sqrt(COUNT { (f)-[:LISTENED]->() }) AS closeness
  UNWIND listens AS x
  WITH x, closeness ORDER BY x.fondness DESC LIMIT 20
  RETURN x.c AS c, x.plays AS plays, x.fondness AS fondness, closeness
}
WITH c, f, plays, fondness, closeness, u
WHERE fondness > 0 AND NOT c.id IN $exclude AND NOT c.id IN [x IN $songs | x.id]
WITH c, sum(closeness * fondness) AS score, count(*) AS support,
     collect({w: closeness * fondness, plays: plays, path: [u.id, f.id, c.id], names: [u.name, coalesce(f.name, f.id), c.name]}) AS paths
WITH c, score, support, reduce(best = head(paths), p IN paths | CASE WHEN p.w > best.w THEN p ELSE best END) AS best
RETURN c.id AS id, 'song' AS type, c.name AS name, score, best.path AS path, best.names AS names, support,
       toString(best.plays) AS detail
ORDER BY score DESC, id
LIMIT $limit;
