MATCH (c:JournalCursor {consumer: $consumer})
RETURN coalesce(c.segment, 0) AS segment, coalesce(c.offset, 0) AS offset, c.lanes AS lanes,
       coalesce(c.eventCount, 0) AS events,
       coalesce(c.recentIds, []) AS recentIds;
