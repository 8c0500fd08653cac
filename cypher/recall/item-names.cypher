// Names and labels of nodes by id: seeds from the live session, the subject of a similar-items request, and the nodes
// of a recommendation's path (albums, people, genres, tags, playlists, listeners) as the listener console draws it.
UNWIND $ids AS id
CALL {
  WITH id MATCH (n:Song {id: id}) RETURN n, 'Song' AS label
  UNION WITH id MATCH (n:Artist {id: id}) RETURN n, 'Artist' AS label
  UNION WITH id MATCH (n:Video {id: id}) RETURN n, 'Video' AS label
  UNION WITH id MATCH (n:Mlog {id: id}) RETURN n, 'Mlog' AS label
  UNION WITH id MATCH (n:Album {id: id}) RETURN n, 'Album' AS label
  UNION WITH id MATCH (n:Person {id: id}) RETURN n, 'Person' AS label
  UNION WITH id MATCH (n:Genre {id: id}) RETURN n, 'Genre' AS label
  UNION WITH id MATCH (n:Tag {id: id}) RETURN n, 'Tag' AS label
  UNION WITH id MATCH (n:Playlist {id: id}) RETURN n, 'Playlist' AS label
  UNION WITH id MATCH (n:User {id: id}) RETURN n, 'User' AS label
}
RETURN n.id AS id, coalesce(n.name, n.id) AS name, label;
