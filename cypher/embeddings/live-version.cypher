// The model version whose vectors most embedded songs carry (embeddingVersion), i.e. what vector recall serves.
MATCH (s:Song)
WHERE s.embedding IS NOT NULL
RETURN s.embeddingVersion AS version, count(*) AS songs
ORDER BY songs DESC
LIMIT 1
