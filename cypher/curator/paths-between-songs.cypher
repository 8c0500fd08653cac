// Paths between two songs
//
// The shortest ways two songs are connected through the catalog: shared albums,
// performing artists, band memberships, writers, producers, genres and tags, at most
// 6 hops, in either direction. Listening behaviour (LISTENED, CO_LISTENED, playlists,
// MLOGs, videos) and IN_LANGUAGE (a hub that links almost every pair) are left out.
// Drop HAS_GENRE|TAGGED from the type list to see credits-only paths.
// Returns: hops, via (the names along the path), p (the path to draw).
//
// Try it in Neo4j Browser:
// :param fromSongId => 'dbpedia:Love_Me_Do'
// :param toSongId => 'dbpedia:Say_Say_Say'
// :param limit => 25
// also try :param toSongId => 'dbpedia:Space_Oddity'
MATCH (from:Song {id: $fromSongId})
MATCH (to:Song {id: $toSongId})
WHERE to <> from
MATCH p = allShortestPaths((from)-[:ON_ALBUM|BY|PERFORMED_BY|MEMBER_OF|WRITTEN_BY|PRODUCED_BY|HAS_GENRE|TAGGED*..6]-(to))
RETURN length(p) AS hops, [n IN nodes(p) | coalesce(n.name, n.id)] AS via, p
LIMIT $limit;
