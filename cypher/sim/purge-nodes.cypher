// One batch of `melograph demo purge`: simulated nodes with every relationship they have (listens, follows, playlist
// entries, featured songs), so nothing a simulated listener did is left on a real node.
CALL {
  MATCH (n:Synthetic) RETURN n
  UNION
  MATCH (n:User) WHERE n.id STARTS WITH $prefix RETURN n
}
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted;
