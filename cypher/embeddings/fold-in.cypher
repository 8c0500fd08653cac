// The cheap incremental path between training runs: a Song, Artist, Album or User without an embedding (new since
// the last run) gets the normalised mean of the embeddings of nodes of its own kind two hops away: the songs on its
// album, by its artist, in its playlists; the listeners of its songs. FastRP makes exactly those nodes similar; the
// direct neighbours (an artist for a song) live in another part of the space and are not used. Every neighbour in
// between counts with its relationship's weight (as in project.cypher) and at most 50 embedded nodes; at most 50
// neighbours per node are looked at. Nodes with nothing embedded two hops away stay without an embedding.
MATCH (n)
WHERE (n:Song OR n:Artist OR n:Album OR n:User) AND n.embedding IS NULL
CALL {
  WITH n
  MATCH (n)-[r]-(mid)
  WHERE $weights[type(r)] > 0
  WITH n, mid, $weights[type(r)] * CASE
          WHEN NOT $propertyWeights THEN 1.0
          WHEN type(r) = 'LISTENED' THEN log(2.0 + coalesce(r.plays, 0))
          WHEN type(r) IN ['CO_LISTENED', 'TAGGED'] THEN log(1.0 + coalesce(r.weight, 1.0))
          ELSE 1.0 END AS w
  LIMIT 50
  CALL {
    WITH n, mid
    MATCH (mid)-[r2]-(m)
    WHERE m <> n AND $weights[type(r2)] > 0 AND m.embedding IS NOT NULL AND size(m.embedding) = $dimensions
      AND [l IN labels(m) WHERE l IN $labels] = [l IN labels(n) WHERE l IN $labels]
    RETURN m.embedding AS v
    LIMIT 50
  }
  WITH n, mid, w, collect(v) AS vs
  WITH n, w, [i IN range(0, $dimensions - 1) | reduce(a = 0.0, v IN vs | a + v[i]) / size(vs)] AS meanOfMid
  WITH n, collect({w: w, v: meanOfMid}) AS parts
  WITH n, [i IN range(0, $dimensions - 1) | reduce(a = 0.0, p IN parts | a + p.w * p.v[i])] AS sum
  WITH n, sum, sqrt(reduce(s = 0.0, x IN sum | s + x * x)) AS norm
  WHERE norm > 0
  SET n.embedding = [x IN sum | x / norm]
} IN TRANSACTIONS OF 1000 ROWS
RETURN count(*) AS considered
