// Simulated listeners, labelled Synthetic.
UNWIND $rows AS row
MERGE (u:User {id: row.id})
SET u:Synthetic, u.name = row.name, u.country = row.country;
