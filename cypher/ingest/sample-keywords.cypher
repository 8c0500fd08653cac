// Genres and tags for the bundled sample from the words of its DBpedia descriptions (the subset has none of its
// own): a song, album or artist whose description names a genre or tag gets it (source 'description'); albums with
// none take their artist's most frequent, songs with none their album's, artists their albums' three most frequent;
// songs and albums with a release date get a decade tag. Keywords: import/sample/dbpedia-music/keywords.tsv.
UNWIND $keywords AS k
CALL {
  WITH k
  WITH k WHERE k.kind = 'genre'
  MERGE (t:Genre {id: k.id}) ON CREATE SET t.name = k.name
  RETURN t
  UNION
  WITH k
  WITH k WHERE k.kind = 'tag'
  MERGE (t:Tag {id: k.id}) ON CREATE SET t.name = k.name
  RETURN t
}
WITH k, t, '(?is).*(?<![\\w-])(' + k.words + ')(?![\\w-]).*' AS pattern
MATCH (x) WHERE (x:Song OR x:Album OR x:Artist) AND x.description =~ pattern
CALL {
  WITH x, t
  WITH x, t WHERE t:Genre
  MERGE (x)-[r:HAS_GENRE]->(t) ON CREATE SET r.source = 'description'
  UNION
  WITH x, t
  WITH x, t WHERE t:Tag
  MERGE (x)-[r:TAGGED]->(t) ON CREATE SET r.source = 'description', r.weight = 1.0
}
RETURN count(*) AS linked;

MATCH (a:Artist) WHERE NOT (a)-[:HAS_GENRE]->()
MATCH (a)<-[:BY]-(:Album)-[:HAS_GENRE]->(g:Genre)
WITH a, g, count(*) AS albums ORDER BY albums DESC
WITH a, collect(g)[..3] AS genres
FOREACH (g IN genres | MERGE (a)-[r:HAS_GENRE]->(g) ON CREATE SET r.source = 'albums')
RETURN count(a) AS artists;

MATCH (al:Album) WHERE NOT (al)-[:HAS_GENRE]->()
MATCH (al)-[:BY]->(:Artist)-[:HAS_GENRE]->(g:Genre)
WITH al, collect(DISTINCT g)[..2] AS genres
FOREACH (g IN genres | MERGE (al)-[r:HAS_GENRE]->(g) ON CREATE SET r.source = 'artist')
RETURN count(al) AS albums;

MATCH (s:Song) WHERE NOT (s)-[:HAS_GENRE]->()
MATCH (s)-[:ON_ALBUM]->(:Album)-[:HAS_GENRE]->(g:Genre)
WITH s, collect(DISTINCT g) AS genres
FOREACH (g IN genres | MERGE (s)-[r:HAS_GENRE]->(g) ON CREATE SET r.source = 'album')
RETURN count(s) AS songs;

MATCH (x) WHERE (x:Song OR x:Album) AND x.releaseDate IS NOT NULL
WITH x, substring(toString(x.releaseDate), 0, 3) + '0s' AS decade
MERGE (t:Tag {id: 'tag:' + decade}) ON CREATE SET t.name = decade
MERGE (x)-[r:TAGGED]->(t) ON CREATE SET r.source = 'releaseDate', r.weight = 1.0
RETURN count(*) AS decades;
