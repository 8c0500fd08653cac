// One batch of training plays [user, item, plays], as the served graph aggregates listening:
// (User)-[:LISTENED {plays}]->(Artist). embeddings/project.cypher weighs it by log(2 + plays).
UNWIND $rows AS row
MATCH (u:User {idx: row[0]})
MATCH (a:Artist {idx: row[1]})
CREATE (u)-[:LISTENED {plays: row[2]}]->(a)
