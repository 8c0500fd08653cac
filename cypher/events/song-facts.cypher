// What the live listener state needs to know about every song: its title, artists (performer, or the album's
// artist where the catalog has no performer) and genres and tags, for short-term affinities.
MATCH (s:Song)
OPTIONAL MATCH (s)-[:PERFORMED_BY]->(p:Artist)
OPTIONAL MATCH (s)-[:ON_ALBUM]->(:Album)-[:BY]->(b:Artist)
OPTIONAL MATCH (s)-[:HAS_GENRE]->(g:Genre)
WITH s, collect(DISTINCT p) AS performers, collect(DISTINCT b) AS albumArtists, collect(DISTINCT g.name) AS genres
WITH s, CASE WHEN size(performers) > 0 THEN performers ELSE albumArtists END AS artists, genres
OPTIONAL MATCH (s)-[:TAGGED]->(t:Tag)
WITH s, artists, genres, collect(DISTINCT t.name) AS tags
RETURN s.id AS id, coalesce(s.name, s.id) AS title, [a IN artists | a.id] AS artistIds,
       [a IN artists | coalesce(a.name, a.id)] AS artistNames, genres + tags AS genres;
