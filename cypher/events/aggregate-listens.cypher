// Adds a batch of listening counts to (User)-[:LISTENED]->(Song). Users are created by their first events; events for
// songs the catalog does not have (yet) are left out. lastAt only moves forward.
UNWIND $rows AS row
MERGE (u:User {id: row.user})
WITH u, row
MATCH (s:Song {id: row.song})
MERGE (u)-[l:LISTENED]->(s)
SET l.plays = coalesce(l.plays, 0) + row.plays,
    l.completes = coalesce(l.completes, 0) + row.completes,
    l.skips = coalesce(l.skips, 0) + row.skips,
    l.likes = coalesce(l.likes, 0) + row.likes,
    l.lastAt = CASE WHEN l.lastAt IS NULL OR l.lastAt < row.lastAt THEN row.lastAt ELSE l.lastAt END;
