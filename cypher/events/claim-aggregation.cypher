// Aggregation is one process's at a time when several service processes share one event log: the holder renews its
// lease with every batch, another process takes over once the lease has lapsed (the holder stopped or was killed).
// The first SET takes the cursor's write lock, so the cursor and the lease are read here as the last commit left them:
// two processes never count from the same position. Runs first in every aggregation transaction.
MERGE (c:JournalCursor {consumer: $consumer})
SET c.claimedAt = $now
WITH c, (c.holder IS NULL OR c.holder = $holder OR c.leaseUntil < $now) AS mine
SET c.holder = CASE WHEN mine THEN $holder ELSE c.holder END,
    c.leaseUntil = CASE WHEN mine THEN $until ELSE c.leaseUntil END
RETURN mine, c.holder AS holder, coalesce(c.segment, 0) AS segment, coalesce(c.offset, 0) AS offset,
       coalesce(c.eventCount, 0) AS events, coalesce(c.recentIds, []) AS recentIds;
