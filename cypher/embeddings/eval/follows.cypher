// One batch of user links [user, friend]: (User)-[:FOLLOWS]->(User), the served graph's social relationship.
UNWIND $rows AS row
MATCH (u:User {idx: row[0]})
MATCH (f:User {idx: row[1]})
CREATE (u)-[:FOLLOWS]->(f)
