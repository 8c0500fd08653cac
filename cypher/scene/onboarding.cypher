// Onboarding of a (new) listener: the artists they follow and the genres they prefer. Only artists and genres the
// catalog has are linked (a genre by id or by name); when none of the choices is in the catalog nothing is written
// (no row comes back): the listener is created, and their time zone set, only with at least one link. Choices
// accumulate (choosing again adds); the answer says what each choice became.
CALL {
  UNWIND $artists AS id
  MATCH (a:Artist {id: id})
  RETURN collect(DISTINCT a) AS artists
}
CALL {
  UNWIND $genres AS asked
  MATCH (g:Genre) WHERE g.id = asked OR toLower(g.name) = toLower(asked)
  RETURN collect(g) AS genreNodes, collect({asked: asked, id: g.id}) AS genres
}
WITH artists, genreNodes, genres
WHERE size(artists) + size(genreNodes) > 0
MERGE (u:User {id: $user})
ON CREATE SET u.registeredAt = datetime()
SET u.timeZone = coalesce($timeZone, u.timeZone)
FOREACH (a IN artists | MERGE (u)-[f:FOLLOWS]->(a) ON CREATE SET f.since = datetime())
FOREACH (g IN genreNodes | MERGE (u)-[p:PREFERS_GENRE]->(g) ON CREATE SET p.since = datetime())
RETURN [a IN artists | a.id] AS artists, genres, u.timeZone AS timeZone;
