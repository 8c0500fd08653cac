// Every song id, in order: the sample of bench similar.
MATCH (s:Song) WITH s ORDER BY s.id RETURN collect(s.id) AS ids
