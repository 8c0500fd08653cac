// Songs written or produced by a person
//
// The songs (and albums) a person wrote or produced, with the artist who recorded
// each one: the song's own PERFORMED_BY artist or the artist of an album it is on.
// Good for finding covers and songs written for other artists (in the DBpedia sample,
// John Lennon's "Beautiful Boy" on a Celine Dion album).
// Returns: role (wrote | produced), work, kind (Song | Album), performedBy,
// credit (the credit edge) and performed (paths from the work to its artists), to draw.
//
// Try it in Neo4j Browser:
// :param personId => 'dbpedia:John_Lennon'
// :param limit => 50
// also try :param personId => 'dbpedia:Tony_Visconti'
MATCH (person:Person {id: $personId})
MATCH credit = (work:Song|Album)-[r:WRITTEN_BY|PRODUCED_BY]->(person)
WITH person, credit, work, r
ORDER BY type(r), work.name
LIMIT $limit
OPTIONAL MATCH perf = (work)-[:PERFORMED_BY|ON_ALBUM|BY*1..2]->(artist:Artist)
WITH credit, work, r, collect(perf) AS performed, collect(DISTINCT coalesce(artist.name, artist.id)) AS performedBy
RETURN CASE type(r) WHEN 'WRITTEN_BY' THEN 'wrote' ELSE 'produced' END AS role,
       coalesce(work.name, work.id) AS work,
       [l IN labels(work) WHERE l IN ['Song', 'Album']][0] AS kind,
       performedBy, credit, performed;
