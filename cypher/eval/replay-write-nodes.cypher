// Writes a batch of copied nodes (labels and properties come from the source graph, as parameters).
UNWIND $rows AS row
CALL apoc.create.node(row.labels, row.props) YIELD node
RETURN row.key AS key, elementId(node) AS id;
