// Songs with an embedding and what the quality proxies compare their nearest neighbours with: the song's
// artists (performer, or album artist), albums, genres (own or its artists') and co-listened songs, and, when
// training held out CO_LISTENED relationships ($holdout > 0, see project.cypher), the held-out partners co-listened more than once.
MATCH (s:Song)
WHERE s.embedding IS NOT NULL
RETURN s.id AS id, s.embedding AS vector,
       [(s)-[:PERFORMED_BY]->(a:Artist) | a.id] + [(s)-[:ON_ALBUM]->(:Album)-[:BY]->(a:Artist) | a.id] AS artists,
       [(s)-[:ON_ALBUM]->(al:Album) | al.id] AS albums,
       [(s)-[:HAS_GENRE]->(g:Genre) | g.id] + [(s)-[:PERFORMED_BY]->(:Artist)-[:HAS_GENRE]->(g:Genre) | g.id] AS genres,
       [(s)-[:CO_LISTENED]-(o:Song) | o.id] AS coListened,
       [(s)-[c:CO_LISTENED]-(o:Song) WHERE $holdout > 0 AND id(c) % $holdout = 0 AND c.weight >= 2 | o.id] AS heldOut
