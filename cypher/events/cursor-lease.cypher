// Who holds the aggregation lease now, if anyone (a running service or worker).
MATCH (c:JournalCursor {consumer: $consumer})
WHERE c.holder IS NOT NULL AND coalesce(c.leaseUntil, 0) >= timestamp()
RETURN c.holder AS holder;
