// Aggregation is one process's at a time when several service processes share one event log: the holder renews its
// lease with every batch (and every few seconds when idle), another process takes over once the lease has lapsed (the
// holder stopped or was killed). Times are the server's, so the processes' clocks do not matter. The first SET takes
// the cursor's write lock, so the cursor and the lease are read here as the last commit left them: two processes
// never count from the same position. Runs first in every aggregation transaction.
MERGE (c:JournalCursor {consumer: $consumer})
SET c.claimedAt = timestamp()
WITH c, (c.holder IS NULL OR c.holder = $holder OR coalesce(c.leaseUntil, 0) < timestamp()) AS mine
SET c.holder = CASE WHEN mine THEN $holder ELSE c.holder END,
    c.leaseUntil = CASE WHEN mine THEN timestamp() + $leaseMs ELSE c.leaseUntil END
RETURN mine, c.holder AS holder, coalesce(c.segment, 0) AS segment, coalesce(c.offset, 0) AS offset, c.lanes AS lanes,
       coalesce(c.eventCount, 0) AS events, coalesce(c.recentIds, []) AS recentIds;
