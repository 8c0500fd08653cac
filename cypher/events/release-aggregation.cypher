// A process that stops hands the aggregation on at once instead of after its lease: the next claim takes it.
MATCH (c:JournalCursor {consumer: $consumer})
WHERE c.holder = $holder
SET c.leaseUntil = 0;
