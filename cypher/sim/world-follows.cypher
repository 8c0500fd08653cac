// Friendships between simulated listeners (both directions: the simulator's friends are mutual).
UNWIND $rows AS row
MATCH (a:User {id: row.from}), (b:User {id: row.to})
MERGE (a)-[:FOLLOWS]->(b);
