// Whose friends' favourites (kg-friends) move when these listeners' histories do: the listeners themselves (their
// taste in common with each friend) and those who follow them.
UNWIND $users AS id
MATCH (u:User {id: id})
CALL {
  WITH u
  MATCH (u) WHERE EXISTS { (u)-[:FOLLOWS]->(:User) } RETURN u AS f
  UNION
  WITH u
  MATCH (f:User)-[:FOLLOWS]->(u) RETURN f
}
RETURN DISTINCT f.id AS id
