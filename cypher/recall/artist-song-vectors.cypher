// For song recall from seed artists $ids: the embeddings of up to 20 songs of each (performed or on their albums);
// their mean stands for the artist. (An artist's own embedding sits apart from songs' in FastRP space: a song is
// built from its artist's neighbourhood, an artist from its songs'. Songs compare with songs.)
MATCH (a:Artist)
WHERE a.id IN $ids
CALL {
  WITH a
  MATCH (s:Song)-[:PERFORMED_BY|ON_ALBUM|BY*1..2]->(a)
  WHERE s.embedding IS NOT NULL
  RETURN DISTINCT s
  LIMIT 20
}
RETURN a.id AS id, a.name AS name, s.embedding AS vector
