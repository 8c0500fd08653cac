// Music videos made up for the simulation, featuring real catalog songs; labelled Synthetic.
UNWIND $rows AS row
MERGE (v:Video {id: row.id})
SET v:Synthetic, v.name = row.name
WITH v, row
UNWIND row.songs AS songId
MATCH (s:Song {id: songId})
MERGE (v)-[:FEATURES]->(s);
