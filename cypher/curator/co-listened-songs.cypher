// Songs played together with a song
//
// The songs most often played together with a song (CO_LISTENED, derived from the
// listening events; it exists only after events have been aggregated), heaviest first,
// with what else they share in the catalog: an artist (directly or through an album),
// a writer or producer, or a tag/genre. Useful to check whether co-listening agrees
// with the catalog or finds something the catalog does not say.
// Returns: song, weight, sameArtist, sharedCredits, sharedTags, p (the co-listen edge).
//
// Try it in Neo4j Browser:
// :param songId => 'dbpedia:Love_Me_Do'
// :param limit => 25
MATCH (s:Song {id: $songId})
MATCH p = (s)-[c:CO_LISTENED]-(other:Song)
WITH s, other, p, c
ORDER BY c.weight DESC
LIMIT $limit
RETURN coalesce(other.name, other.id) AS song,
       c.weight AS weight,
       EXISTS {
         MATCH (s)-[:PERFORMED_BY|ON_ALBUM|BY*1..2]->(a:Artist)<-[:PERFORMED_BY|ON_ALBUM|BY*1..2]-(other)
       } AS sameArtist,
       COLLECT {
         MATCH (s)-[:WRITTEN_BY|PRODUCED_BY]->(x:Person)<-[:WRITTEN_BY|PRODUCED_BY]-(other)
         RETURN DISTINCT coalesce(x.name, x.id)
       } AS sharedCredits,
       COLLECT {
         MATCH (s)-[:TAGGED|HAS_GENRE]->(t:Tag|Genre)<-[:TAGGED|HAS_GENRE]-(other)
         RETURN DISTINCT coalesce(t.name, t.id)
       } AS sharedTags,
       p;
