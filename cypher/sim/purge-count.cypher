// What `melograph demo purge` would remove: the simulated nodes (labelled Synthetic, and listeners with sim: ids that
// only events made) by kind.
CALL {
  MATCH (n:Synthetic) RETURN n
  UNION
  MATCH (n:User) WHERE n.id STARTS WITH $prefix RETURN n
}
RETURN coalesce([l IN labels(n) WHERE l <> 'Synthetic'][0], 'Synthetic') AS kind, count(*) AS nodes
ORDER BY kind;
