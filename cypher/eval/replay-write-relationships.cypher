// Writes a batch of copied relationships between nodes already copied (by their new element ids).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
CALL apoc.create.relationship(a, row.type, row.props, b) YIELD rel
RETURN count(rel) AS written;
