// Names and labels of items by id (songs, artists, videos, MLOGs): seeds from the live session, and the subject of a
// similar-items request.
UNWIND $ids AS id
CALL {
  WITH id MATCH (n:Song {id: id}) RETURN n, 'Song' AS label
  UNION WITH id MATCH (n:Artist {id: id}) RETURN n, 'Artist' AS label
  UNION WITH id MATCH (n:Video {id: id}) RETURN n, 'Video' AS label
  UNION WITH id MATCH (n:Mlog {id: id}) RETURN n, 'Mlog' AS label
}
RETURN n.id AS id, coalesce(n.name, n.id) AS name, label;
