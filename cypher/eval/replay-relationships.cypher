// Replay evaluation: every relationship of the source graph except those the event stream made ($derived: the
// aggregated listening and co-listening), which the replay rebuilds from the events before its cut.
MATCH (a)-[r]->(b)
WHERE NOT type(r) IN $derived AND NOT a:Migration AND NOT a:JournalCursor AND NOT b:Migration AND NOT b:JournalCursor
RETURN elementId(a) AS from, elementId(b) AS to, type(r) AS type, properties(r) AS props;
