// Adds a batch of listening counts to (User)-[:LISTENED]->(Song). Users are created by their first events; events for
// songs the catalog does not have (yet) are left out. lastAt only moves forward; disliked is set by a dislike and
// cleared by a later like of the same batch or of a later one.
UNWIND $rows AS row
MERGE (u:User {id: row.user})
WITH u, row
MATCH (s:Song {id: row.song})
MERGE (u)-[l:LISTENED]->(s)
SET l.plays = coalesce(l.plays, 0) + row.plays,
    l.completes = coalesce(l.completes, 0) + row.completes,
    l.skips = coalesce(l.skips, 0) + row.skips,
    l.likes = coalesce(l.likes, 0) + row.likes,
    l.disliked = CASE WHEN row.disliked IS NOT NULL THEN true WHEN row.likes > 0 THEN null ELSE l.disliked END,
    l.lastAt = CASE WHEN l.lastAt IS NULL OR l.lastAt < row.lastAt THEN row.lastAt ELSE l.lastAt END;
