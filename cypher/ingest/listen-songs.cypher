// Songs a listen can resolve to: by MusicBrainz recording id, else by the names of its artists (performer, or the
// album's artist) and its title, which the importer normalises.
MATCH (s:Song)
OPTIONAL MATCH (s)-[:PERFORMED_BY]->(p:Artist)
OPTIONAL MATCH (s)-[:ON_ALBUM]->(:Album)-[:BY]->(b:Artist)
WITH s, collect(DISTINCT p.name) + collect(DISTINCT b.name) AS artists
RETURN s.id AS id, s.name AS name, s.mbid AS mbid, artists;
