// One batch of item attributes [item, tag, count]: (Artist)-[:TAGGED {weight}]->(Tag), weight = how many triples
// link the two (HetRec: how many listeners put the tag on the artist), as in the served graph.
UNWIND $rows AS row
MATCH (a:Artist {idx: row[0]})
MATCH (t:Tag {idx: row[1]})
CREATE (a)-[:TAGGED {weight: row[2]}]->(t)
