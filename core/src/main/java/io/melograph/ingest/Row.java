package io.melograph.ingest;

import java.util.List;

/**
 * The unit of validation and rejection: one CSV line, one RDF resource, one HetRec line. A row with an error
 * problem is rejected whole; {@code raw} is what goes into the rejects file. {@code where} locates it in messages:
 * the line number, or the RDF resource.
 */
public record Row(String source, long line, String where, List<NodeRecord> nodes, List<EdgeRecord> edges,
                  List<Problem> problems, List<String> raw) {

    public boolean valid() {
        return problems.stream().allMatch(Problem::warning);
    }
}
