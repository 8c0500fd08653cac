// `melograph demo purge`: the journal's seed segment (segment 0) is about to go. The aggregation's count forgets the
// seed events it had folded in ($counted), and a cursor still inside the seed moves to where the later events begin.
// Once per seed ($seed names it), so a purge run again after an interruption does not forget them twice.
MATCH (c:JournalCursor {consumer: $consumer})
WHERE coalesce(c.forgottenSeed, '') <> $seed
SET c.eventCount = coalesce(c.eventCount, 0) - $counted,
    c.offset = CASE WHEN coalesce(c.segment, 0) < 1 THEN 0 ELSE c.offset END,
    c.segment = CASE WHEN coalesce(c.segment, 0) < 1 THEN 1 ELSE c.segment END,
    c.forgottenSeed = $seed
RETURN $counted AS forgotten;
