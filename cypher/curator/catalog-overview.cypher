// Catalog overview
//
// How much of the model is populated: nodes per label, relationships per type, and for
// the types whose ends vary (PRODUCED_BY, HAS_GENRE, TAGGED, CREATED, FOLLOWS,
// LISTENED) how many start or end at each label. Every count is read from Neo4j's
// count store, so it answers instantly even on a large graph; no APOC needed. The last
// rows list any label or relationship type found in the database that is not part of
// the Melograph model (their count is left empty: it would need a full scan).
// Each count(...) stands alone in its WITH: that is what lets Neo4j use the count store.
// A node with two labels (an Artist that is also a Person) counts under both.
// Neo4j Browser shows this as a table.
// Returns: kind ('label' | 'relationship' | 'pattern' | 'outside the model'), name, count.
//
// Try it in Neo4j Browser (no parameters needed).
MATCH (n:Song)
WITH count(n) AS count
RETURN 'label' AS kind, 'Song' AS name, count
UNION ALL
MATCH (n:Album)
WITH count(n) AS count
RETURN 'label' AS kind, 'Album' AS name, count
UNION ALL
MATCH (n:Artist)
WITH count(n) AS count
RETURN 'label' AS kind, 'Artist' AS name, count
UNION ALL
MATCH (n:Person)
WITH count(n) AS count
RETURN 'label' AS kind, 'Person' AS name, count
UNION ALL
MATCH (n:Genre)
WITH count(n) AS count
RETURN 'label' AS kind, 'Genre' AS name, count
UNION ALL
MATCH (n:Tag)
WITH count(n) AS count
RETURN 'label' AS kind, 'Tag' AS name, count
UNION ALL
MATCH (n:Language)
WITH count(n) AS count
RETURN 'label' AS kind, 'Language' AS name, count
UNION ALL
MATCH (n:Video)
WITH count(n) AS count
RETURN 'label' AS kind, 'Video' AS name, count
UNION ALL
MATCH (n:Mlog)
WITH count(n) AS count
RETURN 'label' AS kind, 'Mlog' AS name, count
UNION ALL
MATCH (n:Playlist)
WITH count(n) AS count
RETURN 'label' AS kind, 'Playlist' AS name, count
UNION ALL
MATCH (n:User)
WITH count(n) AS count
RETURN 'label' AS kind, 'User' AS name, count
UNION ALL
MATCH ()-[r:PERFORMED_BY]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'PERFORMED_BY' AS name, count
UNION ALL
MATCH ()-[r:ON_ALBUM]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'ON_ALBUM' AS name, count
UNION ALL
MATCH ()-[r:BY]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'BY' AS name, count
UNION ALL
MATCH ()-[r:WRITTEN_BY]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'WRITTEN_BY' AS name, count
UNION ALL
MATCH ()-[r:PRODUCED_BY]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'PRODUCED_BY' AS name, count
UNION ALL
MATCH ()-[r:MEMBER_OF]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'MEMBER_OF' AS name, count
UNION ALL
MATCH ()-[r:HAS_GENRE]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'HAS_GENRE' AS name, count
UNION ALL
MATCH ()-[r:TAGGED]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'TAGGED' AS name, count
UNION ALL
MATCH ()-[r:IN_LANGUAGE]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'IN_LANGUAGE' AS name, count
UNION ALL
MATCH ()-[r:FEATURES]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'FEATURES' AS name, count
UNION ALL
MATCH ()-[r:USES]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'USES' AS name, count
UNION ALL
MATCH ()-[r:CONTAINS]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'CONTAINS' AS name, count
UNION ALL
MATCH ()-[r:CREATED]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'CREATED' AS name, count
UNION ALL
MATCH ()-[r:FOLLOWS]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'FOLLOWS' AS name, count
UNION ALL
MATCH ()-[r:LISTENED]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'LISTENED' AS name, count
UNION ALL
MATCH ()-[r:CO_LISTENED]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'CO_LISTENED' AS name, count
UNION ALL
MATCH ()-[r:APPLIED_TAG]->()
WITH count(r) AS count
RETURN 'relationship' AS kind, 'APPLIED_TAG' AS name, count
UNION ALL
MATCH (:Song)-[r:PRODUCED_BY]->()
WITH count(r) AS count
RETURN 'pattern' AS kind, '(:Song)-[:PRODUCED_BY]->()' AS name, count
UNION ALL
MATCH (:Album)-[r:PRODUCED_BY]->()
WITH count(r) AS count
RETURN 'pattern' AS kind, '(:Album)-[:PRODUCED_BY]->()' AS name, count
UNION ALL
MATCH (:Song)-[r:HAS_GENRE]->()
WITH count(r) AS count
RETURN 'pattern' AS kind, '(:Song)-[:HAS_GENRE]->()' AS name, count
UNION ALL
MATCH (:Artist)-[r:HAS_GENRE]->()
WITH count(r) AS count
RETURN 'pattern' AS kind, '(:Artist)-[:HAS_GENRE]->()' AS name, count
UNION ALL
MATCH (:Album)-[r:HAS_GENRE]->()
WITH count(r) AS count
RETURN 'pattern' AS kind, '(:Album)-[:HAS_GENRE]->()' AS name, count
UNION ALL
MATCH (:Song)-[r:TAGGED]->()
WITH count(r) AS count
RETURN 'pattern' AS kind, '(:Song)-[:TAGGED]->()' AS name, count
UNION ALL
MATCH (:Artist)-[r:TAGGED]->()
WITH count(r) AS count
RETURN 'pattern' AS kind, '(:Artist)-[:TAGGED]->()' AS name, count
UNION ALL
MATCH ()-[r:CREATED]->(:Playlist)
WITH count(r) AS count
RETURN 'pattern' AS kind, '()-[:CREATED]->(:Playlist)' AS name, count
UNION ALL
MATCH ()-[r:CREATED]->(:Mlog)
WITH count(r) AS count
RETURN 'pattern' AS kind, '()-[:CREATED]->(:Mlog)' AS name, count
UNION ALL
MATCH ()-[r:FOLLOWS]->(:User)
WITH count(r) AS count
RETURN 'pattern' AS kind, '()-[:FOLLOWS]->(:User)' AS name, count
UNION ALL
MATCH ()-[r:FOLLOWS]->(:Artist)
WITH count(r) AS count
RETURN 'pattern' AS kind, '()-[:FOLLOWS]->(:Artist)' AS name, count
UNION ALL
MATCH ()-[r:LISTENED]->(:Song)
WITH count(r) AS count
RETURN 'pattern' AS kind, '()-[:LISTENED]->(:Song)' AS name, count
UNION ALL
MATCH ()-[r:LISTENED]->(:Artist)
WITH count(r) AS count
RETURN 'pattern' AS kind, '()-[:LISTENED]->(:Artist)' AS name, count
UNION ALL
CALL db.labels() YIELD label
WITH label
WHERE NOT label IN ['Song', 'Album', 'Artist', 'Person', 'Genre', 'Tag', 'Language', 'Video', 'Mlog',
                    'Playlist', 'User']
RETURN 'outside the model' AS kind, ':' + label AS name, null AS count
UNION ALL
CALL db.relationshipTypes() YIELD relationshipType
WITH relationshipType
WHERE NOT relationshipType IN ['PERFORMED_BY', 'ON_ALBUM', 'BY', 'WRITTEN_BY', 'PRODUCED_BY', 'MEMBER_OF',
                               'HAS_GENRE', 'TAGGED', 'IN_LANGUAGE', 'FEATURES', 'USES', 'CONTAINS',
                               'CREATED', 'FOLLOWS', 'LISTENED', 'CO_LISTENED', 'APPLIED_TAG']
RETURN 'outside the model' AS kind, '[:' + relationshipType + ']' AS name, null AS count;
