package io.melograph.ingest;

import io.melograph.ontology.Ontology;
import io.melograph.ontology.Relation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * triples.csv: {@code head,relation,tail[,head_label,tail_label]}, any knowledge-graph fact whose relation is an
 * object property of the ontology, named by relationship type (PERFORMED_BY), local name (performedBy) or IRI.
 */
final class TriplesCsvKind implements CsvKind {
    private static final List<String> COLUMNS = List.of("head", "relation", "tail", "head_label", "tail_label");
    private final Ontology ontology;

    TriplesCsvKind(Ontology ontology) {
        this.ontology = ontology;
    }

    @Override
    public String name() {
        return "triples";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public RowMapper mapper(String source, List<String> header) throws HeaderException {
        Map<String, Integer> index = HeaderCheck.index(name(), header, COLUMNS, COLUMNS.subList(0, 3));
        int head = index.get("head");
        int rel = index.get("relation");
        int tail = index.get("tail");
        Integer headLabel = index.get("head_label");
        Integer tailLabel = index.get("tail_label");
        return (line, fields) -> {
            RowBuilder row = new RowBuilder(source, line, fields);
            String relationName = fields.get(rel).strip();
            Optional<Relation> relation = find(relationName);
            if (relation.isEmpty()) {
                row.error("relation", "'" + relationName + "' is not a relationship of the ontology (ontology/melograph.ttl); known: "
                        + String.join(", ", ontology.relationshipTypes()));
                return row.build();
            }
            Relation r = relation.get();
            if (r.keyedBy() != null) {
                row.error("relation", r.type() + " needs the property '" + r.keyedBy() + "', which triples.csv cannot carry");
                return row.build();
            }
            String from = fields.get(head).strip();
            String to = fields.get(tail).strip();
            if (from.isEmpty()) {
                row.error("head", "is required");
            }
            if (to.isEmpty()) {
                row.error("tail", "is required");
            }
            String fromLabel = RelationCsvKind.label(row, "head_label", r.domain(), headLabel == null ? null : fields.get(headLabel));
            String toLabel = RelationCsvKind.label(row, "tail_label", r.range(), tailLabel == null ? null : fields.get(tailLabel));
            if (!from.isEmpty() && !to.isEmpty() && fromLabel != null && toLabel != null) {
                row.edge(new EdgeRecord(r.type(), fromLabel, from, toLabel, to, Map.of(), "head", "tail"));
            }
            return row.build();
        };
    }

    private Optional<Relation> find(String name) {
        Optional<Relation> byType = ontology.relationByType(name);
        if (byType.isPresent()) {
            return byType;
        }
        Optional<Relation> byIri = ontology.relationByIri(name);
        return byIri.isPresent() ? byIri : ontology.relationByIri(Ontology.NS + name);
    }
}
