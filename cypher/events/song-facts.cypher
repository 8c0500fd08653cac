// What the live listener state needs to know about every song: its title, artists (performer, or the album's
// artist where the catalog has no performer) and genres and tags, for short-term affinities. A song's genres and tags
// are its own and its artists' (catalogs tag artists more often than songs).
MATCH (s:Song)
OPTIONAL MATCH (s)-[:PERFORMED_BY]->(p:Artist)
OPTIONAL MATCH (s)-[:ON_ALBUM]->(:Album)-[:BY]->(b:Artist)
WITH s, collect(DISTINCT p) AS performers, collect(DISTINCT b) AS albumArtists
WITH s, CASE WHEN size(performers) > 0 THEN performers ELSE albumArtists END AS artists
CALL { WITH s, artists UNWIND [s] + artists AS x OPTIONAL MATCH (x)-[:HAS_GENRE]->(g:Genre) RETURN collect(DISTINCT g.name) AS genres }
CALL { WITH s, artists UNWIND [s] + artists AS x OPTIONAL MATCH (x)-[:TAGGED]->(t:Tag) RETURN collect(DISTINCT t.name) AS tags }
RETURN s.id AS id, coalesce(s.name, s.id) AS title, [a IN artists | a.id] AS artistIds,
       [a IN artists | coalesce(a.name, a.id)] AS artistNames, genres + [t IN tags WHERE NOT t IN genres] AS genres;
