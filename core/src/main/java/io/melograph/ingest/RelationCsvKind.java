package io.melograph.ingest;

import io.melograph.ontology.Ontology;
import io.melograph.ontology.Property;
import io.melograph.ontology.Relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * playlist_songs.csv, follows.csv: one row per relationship of an object property that has its own file kind.
 * Columns: the start node's id, the end node's id (plus {@code <column>_label} where the end can be of several
 * classes) and the relationship's properties.
 */
final class RelationCsvKind implements CsvKind {
    private final Relation relation;
    private final List<Property> properties;

    RelationCsvKind(Relation relation, Ontology ontology) {
        this.relation = relation;
        this.properties = ontology.relationProperties(relation.type());
    }

    @Override
    public String name() {
        return relation.csvFile();
    }

    @Override
    public List<String> columns() {
        List<String> out = new ArrayList<>(required());
        properties.forEach(p -> out.add(p.key()));
        return out;
    }

    private List<String> required() {
        List<String> out = new ArrayList<>(List.of(relation.headColumn(), relation.tailColumn()));
        if (relation.singleDomain() == null) {
            out.add(relation.headColumn() + "_label");
        }
        if (relation.singleRange() == null) {
            out.add(relation.tailColumn() + "_label");
        }
        return out;
    }

    @Override
    public RowMapper mapper(String source, List<String> header) throws HeaderException {
        Map<String, Integer> index = HeaderCheck.index(name(), header, columns(), required());
        int head = index.get(relation.headColumn());
        int tail = index.get(relation.tailColumn());
        Integer headLabel = index.get(relation.headColumn() + "_label");
        Integer tailLabel = index.get(relation.tailColumn() + "_label");
        return (line, fields) -> {
            RowBuilder row = new RowBuilder(source, line, fields);
            String from = required(row, relation.headColumn(), fields.get(head));
            String to = required(row, relation.tailColumn(), fields.get(tail));
            String fromLabel = label(row, relation.headColumn() + "_label", relation.domain(), headLabel == null ? null : fields.get(headLabel));
            String toLabel = label(row, relation.tailColumn() + "_label", relation.range(), tailLabel == null ? null : fields.get(tailLabel));
            Map<String, Object> props = new HashMap<>();
            for (Property p : properties) {
                Integer i = index.get(p.key());
                if (i != null && !fields.get(i).isBlank()) {
                    try {
                        props.put(p.key(), p.datatype().parse(fields.get(i)));
                    } catch (IllegalArgumentException e) {
                        row.error(p.key(), e.getMessage());
                    }
                }
            }
            if (from != null && to != null && fromLabel != null && toLabel != null) {
                row.edge(new EdgeRecord(relation.type(), fromLabel, from, toLabel, to, props, relation.headColumn(),
                        relation.tailColumn()));
            }
            return row.build();
        };
    }

    private static String required(RowBuilder row, String column, String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            row.error(column, "is required");
            return null;
        }
        return v;
    }

    /** The label a reference has: the only allowed one, or the one the row names, which must be allowed. */
    static String label(RowBuilder row, String column, Set<String> allowed, String given) {
        String g = given == null ? "" : given.strip();
        if (g.isEmpty()) {
            if (allowed.size() == 1) {
                return allowed.iterator().next();
            }
            row.error(column, "is required: one of " + String.join(", ", allowed));
            return null;
        }
        if (!allowed.contains(g)) {
            row.error(column, "'" + g + "' is not allowed here; expected one of " + String.join(", ", allowed));
            return null;
        }
        return g;
    }
}
