// MLOGs (short clips) simulated listeners posted over real catalog songs; labelled Synthetic.
UNWIND $rows AS row
MATCH (u:User {id: row.creator})
MERGE (m:Mlog {id: row.id})
SET m:Synthetic, m.name = row.name
MERGE (u)-[:CREATED]->(m)
WITH m, row
UNWIND row.songs AS songId
MATCH (s:Song {id: songId})
MERGE (m)-[:USES]->(s);
