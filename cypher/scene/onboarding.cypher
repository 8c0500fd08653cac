// Onboarding of a (new) listener: the artists they follow and the genres they prefer. The listener is created if
// new; choices accumulate (choosing again adds). Only artists and genres the catalog has are linked (a genre by id
// or by name); the answer says what each choice became.
MERGE (u:User {id: $user})
ON CREATE SET u.registeredAt = datetime()
SET u.timeZone = coalesce($timeZone, u.timeZone)
WITH u
CALL {
  WITH u
  UNWIND $artists AS id
  MATCH (a:Artist {id: id})
  MERGE (u)-[f:FOLLOWS]->(a) ON CREATE SET f.since = datetime()
  RETURN collect(a.id) AS artists
}
CALL {
  WITH u
  UNWIND $genres AS id
  MATCH (g:Genre) WHERE g.id = id OR toLower(g.name) = toLower(id)
  MERGE (u)-[p:PREFERS_GENRE]->(g) ON CREATE SET p.since = datetime()
  RETURN collect({asked: id, id: g.id}) AS genres
}
RETURN artists, genres, u.timeZone AS timeZone;
