// Every listener with a history, in order: the sample of bench similar --listeners.
MATCH (u:User) WHERE EXISTS { (u)-[:LISTENED]->(:Song) } WITH u ORDER BY u.id RETURN collect(u.id) AS ids
