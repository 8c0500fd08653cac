// One cursor per journal consumer (graph-aggregation): how far its writes have got.
CREATE CONSTRAINT journal_cursor_consumer IF NOT EXISTS FOR (c:JournalCursor) REQUIRE c.consumer IS UNIQUE;
