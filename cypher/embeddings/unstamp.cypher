// After a training run that writes to the nodes directly (evaluation, the replay's scratch graph): the vectors belong
// to no registry version any more, so no node may claim one.
MATCH (n)
WHERE (n:Song OR n:Artist OR n:Album OR n:User) AND n.embeddingVersion IS NOT NULL
CALL { WITH n REMOVE n.embeddingVersion } IN TRANSACTIONS OF 10000 ROWS
RETURN count(n) AS unstamped
