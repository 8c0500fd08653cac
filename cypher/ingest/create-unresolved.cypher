// Songs (and their artists) that listen histories name but the catalog lacks, marked unresolved. Merged by id, so an
// artist the catalog does have keeps its properties and just gains the song; running an import twice changes nothing.
UNWIND $rows AS row
MERGE (a:Artist {id: row.artistId})
  ON CREATE SET a.name = row.artistName, a.mbid = row.artistMbid, a.unresolved = true
MERGE (s:Song {id: row.songId})
  ON CREATE SET s.name = row.songName, s.mbid = row.songMbid, s.unresolved = true
MERGE (s)-[:PERFORMED_BY]->(a);
