// The most active listeners, for the listener console's picker: by plays summed over their songs. Candidates first by
// how many songs they listened to (degree store: constant time a listener), then plays summed for those only, so the
// query stays cheap with many listeners.
MATCH (u:User)
WITH u, COUNT { (u)-[:LISTENED]->(:Song) } AS songs
WHERE songs > 0
ORDER BY songs DESC, u.id
LIMIT $candidates
MATCH (u)-[l:LISTENED]->(:Song)
WITH u, songs, sum(coalesce(l.plays, 0)) AS plays
RETURN u.id AS id, coalesce(u.name, u.id) AS name, plays, songs, u:Synthetic AS simulated
ORDER BY plays DESC, id
LIMIT $limit;
