// Playlists simulated listeners made, with their songs in order; labelled Synthetic.
UNWIND $rows AS row
MATCH (u:User {id: row.creator})
MERGE (p:Playlist {id: row.id})
SET p:Synthetic, p.name = row.name
MERGE (u)-[:CREATED]->(p)
WITH p, row
UNWIND range(0, size(row.songs) - 1) AS i
MATCH (s:Song {id: row.songs[i]})
MERGE (p)-[c:CONTAINS]->(s)
SET c.pos = i + 1;
