MERGE (c:JournalCursor {consumer: $consumer})
SET c.segment = $segment, c.offset = $offset, c.eventCount = coalesce(c.eventCount, 0) + $events;
