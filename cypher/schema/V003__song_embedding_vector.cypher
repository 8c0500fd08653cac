// Nearest-neighbour search over song graph embeddings; the dimension comes from MELOGRAPH_EMBEDDING_DIM.
// When the configured dimension changes, SchemaMigrations drops and recreates this index.
CREATE VECTOR INDEX song_embedding IF NOT EXISTS FOR (s:Song) ON s.embedding
OPTIONS {indexConfig: {`vector.dimensions`: $embeddingDimensions, `vector.similarity_function`: 'cosine'}};
