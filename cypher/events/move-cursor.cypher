// The aggregation cursor, moved in the same transaction as the counts it covers. recentIds: the ids of the newest
// events folded in, so that after the journal lost its tail a re-sent event is known as already counted. lanes: the
// whole position when it has more than one lane (a Kafka topic of several partitions: segment, offset of each in turn),
// null otherwise; segment and offset are always lane 0's.
MERGE (c:JournalCursor {consumer: $consumer})
SET c.segment = $segment, c.offset = $offset, c.lanes = $lanes, c.eventCount = coalesce(c.eventCount, 0) + $events, c.recentIds = $recentIds;
