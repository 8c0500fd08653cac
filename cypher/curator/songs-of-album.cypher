// Songs of an album
//
// The tracks of one album in track order (by name where the track number is unknown,
// as in the DBpedia sample), with their writers and performers (the song's own
// PERFORMED_BY artists, else the album's artists). Each row draws the song on the
// album plus the song's and the album's credits (writers, producers, artists).
// Returns: track, song, writtenBy, performedBy, p (song on album), credits (paths).
//
// Try it in Neo4j Browser:
// :param albumId => 'dbpedia:Please_Please_Me'
// also try :param albumId => 'dbpedia:Pipes_of_Peace'
MATCH (al:Album {id: $albumId})
MATCH p = (s:Song)-[t:ON_ALBUM]->(al)
WITH al, s, t, p,
     [(s)-[:PERFORMED_BY]->(ar:Artist) | coalesce(ar.name, ar.id)] AS performers
RETURN t.track AS track,
       coalesce(s.name, s.id) AS song,
       [(s)-[:WRITTEN_BY]->(w:Person) | coalesce(w.name, w.id)] AS writtenBy,
       CASE WHEN size(performers) > 0 THEN performers
            ELSE [(al)-[:BY]->(ar:Artist) | coalesce(ar.name, ar.id)] END AS performedBy,
       p,
       [c = (s)-[:WRITTEN_BY|PRODUCED_BY|PERFORMED_BY]->() | c]
         + [c = (al)-[:BY|PRODUCED_BY]->() | c] AS credits
ORDER BY track, song;
