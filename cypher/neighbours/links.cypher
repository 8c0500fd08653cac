// The links the item-level channels walk (cypher/recall/: same artist, album, writer, band members, tags, artist
// tags, co-listened, videos, playlists), for the in-memory catalog graph the neighbour build computes from. Links
// between nodes nodes.cypher does not return (a playlist's owner, say) are skipped by the reader.
MATCH (a)-[r:PERFORMED_BY|ON_ALBUM|BY|WRITTEN_BY|PRODUCED_BY|TAGGED|HAS_GENRE|CO_LISTENED|FEATURES|USES|CONTAINS|MEMBER_OF]->(b)
RETURN a.id AS from, type(r) AS type, b.id AS to,
       CASE type(r) WHEN 'CO_LISTENED' THEN r.weight END AS weight
