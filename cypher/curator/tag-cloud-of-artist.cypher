// Tag cloud of an artist
//
// The tags around an artist, heaviest first: the artist's own TAGGED edges (weight),
// how many users applied each tag to it (APPLIED_TAG, which holds the tag id in its
// `tag` property rather than pointing at the Tag node) and on how many of its songs
// the tag appears (songs performed directly or on one of its albums). The artist and
// tag nodes are returned, with the artist's TAGGED edges as paths, so Neo4j Browser
// draws the cloud (tags reached only through users or songs appear unconnected).
// Returns: tag (name), weight, taggers, songs, firstTagged, lastTagged, artist, tagNode,
// tagged (paths).
//
// Try it in Neo4j Browser:
// :param artistId => 'hetrec:artist:289'
// :param limit => 30
// also try :param artistId => 'dbpedia:The_Beatles'
MATCH (a:Artist {id: $artistId})
CALL (a) {
  MATCH (a)-[t:TAGGED]->(tag:Tag)
  RETURN tag, coalesce(t.weight, 0) AS weight, 0 AS taggers, 0 AS songs,
         null AS firstTagged, null AS lastTagged
  UNION ALL
  MATCH (u:User)-[r:APPLIED_TAG]->(a)
  WITH r.tag AS tagId, count(DISTINCT u) AS taggers, min(r.at) AS firstTagged, max(r.at) AS lastTagged
  MATCH (tag:Tag {id: tagId})
  RETURN tag, 0 AS weight, taggers, 0 AS songs, firstTagged, lastTagged
  UNION ALL
  MATCH (a)<-[:PERFORMED_BY|ON_ALBUM|BY*1..2]-(s:Song)
  WITH DISTINCT s
  MATCH (s)-[:TAGGED]->(tag:Tag)
  RETURN tag, 0 AS weight, 0 AS taggers, count(DISTINCT s) AS songs,
         null AS firstTagged, null AS lastTagged
}
WITH a, tag,
     sum(weight) AS weight, sum(taggers) AS taggers, sum(songs) AS songs,
     min(firstTagged) AS firstTagged, max(lastTagged) AS lastTagged
ORDER BY weight DESC, taggers DESC, songs DESC, tag.id
LIMIT $limit
RETURN coalesce(tag.name, tag.id) AS tag, weight, taggers, songs, firstTagged, lastTagged,
       a AS artist, tag AS tagNode, [p = (a)-[:TAGGED]->(tag) | p] AS tagged;
