// The popularity fallback for playlists, videos and MLOGs: of (at most) 2,000 items of the kind, those whose songs
// listeners played most (listener-song pairs), then the most songs. Cached by the service for a minute.
MATCH (x)
WHERE (x:Playlist AND $type = 'playlist') OR (x:Video AND $type = 'video') OR (x:Mlog AND $type = 'mlog')
WITH x LIMIT 2000
RETURN x.id AS id, x.name AS name, COUNT { (x)-[:CONTAINS|FEATURES|USES]->(:Song)<-[:LISTENED]-() } AS listens,
       COUNT { (x)-[:CONTAINS|FEATURES|USES]->(:Song) } AS songs
ORDER BY listens DESC, songs DESC, id
LIMIT $limit;
