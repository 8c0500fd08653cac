// The aggregation cursor, moved in the same transaction as the counts it covers. recentIds: the ids of the newest
// events folded in, so that after the journal lost its tail a re-sent event is known as already counted.
MERGE (c:JournalCursor {consumer: $consumer})
SET c.segment = $segment, c.offset = $offset, c.eventCount = coalesce(c.eventCount, 0) + $events, c.recentIds = $recentIds;
