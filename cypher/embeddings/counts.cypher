// Nodes with an embedding, and all nodes, per embedded label (aggregated before the label is added: a grouping key
// over no nodes would give no row at all).
MATCH (n:Song) WITH count(n.embedding) AS embedded, count(n) AS total RETURN 'Song' AS label, embedded, total
UNION ALL
MATCH (n:Artist) WITH count(n.embedding) AS embedded, count(n) AS total RETURN 'Artist' AS label, embedded, total
UNION ALL
MATCH (n:Album) WITH count(n.embedding) AS embedded, count(n) AS total RETURN 'Album' AS label, embedded, total
UNION ALL
MATCH (n:User) WITH count(n.embedding) AS embedded, count(n) AS total RETURN 'User' AS label, embedded, total
