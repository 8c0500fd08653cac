// Plays per song over all listeners (the aggregated LISTENED edges): popularity for long-tail shares, ranking
// features and the popularity fallback. Songs nobody played are left out (they are long tail by definition).
MATCH (s:Song)<-[l:LISTENED]-(:User)
RETURN s.id AS id, sum(coalesce(l.plays, 0)) AS plays
ORDER BY plays DESC, id;
