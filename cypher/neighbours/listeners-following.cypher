// The listeners who follow someone: the neighbour store keeps each one's friends' favourites (kg-friends).
MATCH (u:User)
WHERE EXISTS { (u)-[:FOLLOWS]->(:User) }
RETURN u.id AS id
ORDER BY id
