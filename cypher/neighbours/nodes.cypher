// The nodes the item-level channels walk, for the in-memory catalog graph the neighbour build computes from: each
// with its kinds (a node may be several: an artist who is also a credited person), and the count the channels rank by (a song's listeners; a tag's or genre's tagged things).
MATCH (n)
WHERE n:Song OR n:Artist OR n:Album OR n:Person OR n:Tag OR n:Genre OR n:Video OR n:Mlog OR n:Playlist
RETURN n.id AS id, n.name AS name,
       [l IN labels(n) WHERE l IN ['Song', 'Artist', 'Album', 'Person', 'Tag', 'Genre', 'Video', 'Mlog', 'Playlist']] AS kinds,
       CASE WHEN n:Song THEN COUNT { (n)<-[:LISTENED]-() }
            WHEN n:Tag OR n:Genre THEN COUNT { (n)<-[:TAGGED|HAS_GENRE]-() }
            ELSE 0 END AS count
