// Nearest-neighbour search over artist graph embeddings (similar artists); the dimension comes from
// MELOGRAPH_EMBEDDING_DIM like song_embedding's, and SchemaMigrations recreates it when that changes.
CREATE VECTOR INDEX artist_embedding IF NOT EXISTS FOR (a:Artist) ON a.embedding
OPTIONS {indexConfig: {`vector.dimensions`: $embeddingDimensions, `vector.similarity_function`: 'cosine'}};
