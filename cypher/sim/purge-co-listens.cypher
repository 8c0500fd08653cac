// One page of `melograph demo purge`: the co-listening of the next $songs songs after $after (in id order, from the
// Song id index, so the whole purge reads each pair once) takes back the weight simulated listeners' sessions added,
// kept apart as `synthetic` by the aggregation; a pair only they made goes. Each pair is stored once, from its smaller id.
MATCH (a:Song) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $songs
WITH collect(a) AS page
CALL {
  WITH page
  UNWIND page AS a
  MATCH (a)-[c:CO_LISTENED]->()
  WHERE c.synthetic IS NOT NULL
  SET c.weight = c.weight - c.synthetic
  REMOVE c.synthetic
  WITH c, c.weight <= 0 AS gone
  FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | DELETE c)
  RETURN count(*) AS lowered, sum(CASE WHEN gone THEN 1 ELSE 0 END) AS deleted
}
RETURN size(page) AS songs, CASE WHEN size(page) > 0 THEN page[-1].id END AS last, lowered, deleted;
