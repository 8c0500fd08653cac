// What `melograph demo purge` leaves, to name it: song embeddings computed while simulated listeners were in the graph
// (recompute them with `melograph train embeddings`).
MATCH (s:Song) WHERE s.embedding IS NOT NULL
RETURN count(s) AS embedded;
