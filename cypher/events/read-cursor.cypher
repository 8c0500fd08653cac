MATCH (c:JournalCursor {consumer: $consumer})
RETURN c.segment AS segment, c.offset AS offset, coalesce(c.eventCount, 0) AS events, coalesce(c.recentIds, []) AS recentIds;
