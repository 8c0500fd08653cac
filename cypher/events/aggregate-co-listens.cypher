// Adds session co-occurrence: songs played close together in one session, once per pair and direction-free
// (stored from the smaller id to the larger). synthetic: the part of the weight simulated listeners made, which
// `melograph demo purge` subtracts.
UNWIND $pairs AS pair
MATCH (a:Song {id: pair.a})
MATCH (b:Song {id: pair.b})
MERGE (a)-[c:CO_LISTENED]->(b)
SET c.weight = coalesce(c.weight, 0) + pair.weight,
    c.synthetic = CASE WHEN pair.synthetic > 0 THEN coalesce(c.synthetic, 0) + pair.synthetic ELSE c.synthetic END;
