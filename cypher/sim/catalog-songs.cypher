// The catalog as the simulator sees it: each song with its artists (the performers, else the album's artists),
// genres and tags (its own plus its artists', as real catalogs tag artists more often than songs), language, length
// and release date (the song's, else its album's). Songs created unresolved by listen imports are names without
// facts and are left out. Ordered, so the simulation does not depend on store order.
MATCH (s:Song)
WHERE s.unresolved IS NULL
CALL { WITH s OPTIONAL MATCH (s)-[:PERFORMED_BY]->(p:Artist) RETURN collect(DISTINCT p) AS performers }
CALL { WITH s OPTIONAL MATCH (s)-[:ON_ALBUM]->(al:Album) OPTIONAL MATCH (al)-[:BY]->(b:Artist)
       RETURN collect(DISTINCT b) AS albumArtists, min(al.releaseDate) AS albumDate }
WITH s, CASE WHEN size(performers) > 0 THEN performers ELSE albumArtists END AS artists, albumDate
CALL { WITH s, artists UNWIND [s] + artists AS x OPTIONAL MATCH (x)-[:HAS_GENRE]->(g:Genre) RETURN collect(DISTINCT g.id) AS genres }
CALL { WITH s, artists UNWIND [s] + artists AS x OPTIONAL MATCH (x)-[:TAGGED]->(t:Tag) RETURN collect(DISTINCT t.id) AS tags }
CALL { WITH s OPTIONAL MATCH (s)-[:IN_LANGUAGE]->(l:Language) RETURN min(l.id) AS language }
RETURN s.id AS id, s.name AS title, [a IN artists | a.id] AS artists, genres, tags, language,
       s.durationSec AS durationSec, coalesce(s.releaseDate, albumDate) AS released
ORDER BY id;
