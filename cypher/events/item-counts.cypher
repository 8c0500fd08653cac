// How many items of each kind events may name (answered from the count store), and the number every import moves
// (ingest/catalog-changed.cypher), to notice catalog changes cheaply.
CALL { MATCH (n:Song) RETURN count(n) AS songs }
CALL { MATCH (n:Video) RETURN count(n) AS videos }
CALL { MATCH (n:Mlog) RETURN count(n) AS mlogs }
CALL { MATCH (n:Playlist) RETURN count(n) AS playlists }
OPTIONAL MATCH (v:CatalogVersion {name: 'catalog'})
RETURN [songs, videos, mlogs, playlists, coalesce(v.catalogVersion, 0)] AS counts;
