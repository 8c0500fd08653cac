// The lease renewed at the end of a batch, so that a long batch does not leave it nearly spent.
MATCH (c:JournalCursor {consumer: $consumer})
WHERE c.holder = $holder
SET c.leaseUntil = timestamp() + $leaseMs;
