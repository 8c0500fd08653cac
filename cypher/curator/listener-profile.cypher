// Listener profile
//
// What a listener's taste looks like in the graph: the artists and songs they play
// most (by plays), the artists and users they follow, the playlists and MLOGs they
// made, and the artists they tagged most often (APPLIED_TAG). Each part is capped at
// $limit paths; the user node itself is always returned.
// Returns: part, detail (plays, or how many tags they applied), p (a path to draw).
//
// Try it in Neo4j Browser:
// :param userId => 'hetrec:user:2'
// :param limit => 15
MATCH (u:User {id: $userId})
CALL (u) {
  MATCH p = (u)
  RETURN 'user' AS part, null AS detail, p
  UNION
  MATCH p = (u)-[l:LISTENED]->(:Artist)
  WITH p, l
  ORDER BY l.plays DESC
  LIMIT $limit
  RETURN 'most played artist' AS part, l.plays AS detail, p
  UNION
  MATCH p = (u)-[l:LISTENED]->(:Song)
  WITH p, l
  ORDER BY l.plays DESC, l.likes DESC
  LIMIT $limit
  RETURN 'most played song' AS part, l.plays AS detail, p
  UNION
  MATCH p = (u)-[:FOLLOWS]->(:Artist)
  RETURN 'follows artist' AS part, null AS detail, p LIMIT $limit
  UNION
  MATCH p = (u)-[:FOLLOWS]->(:User)
  RETURN 'follows user' AS part, null AS detail, p LIMIT $limit
  UNION
  MATCH p = (u)-[:CREATED]->(:Playlist|Mlog)
  RETURN 'made playlist / MLOG' AS part, null AS detail, p LIMIT $limit
  UNION
  MATCH (u)-[r:APPLIED_TAG]->(a:Artist)
  WITH a, count(r) AS tags
  ORDER BY tags DESC
  LIMIT $limit
  MATCH p = (u)-[:APPLIED_TAG]->(a)
  WITH a, tags, head(collect(p)) AS p
  RETURN 'tagged artist' AS part, tags AS detail, p
}
RETURN part, detail, p;
