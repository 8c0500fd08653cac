// Replay evaluation: every node of the source graph except the bookkeeping of the store itself (migrations, the
// aggregation cursor), with its labels and properties; the replay copies them into its scratch graph.
MATCH (n)
WHERE NOT n:Migration AND NOT n:JournalCursor
RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props;
