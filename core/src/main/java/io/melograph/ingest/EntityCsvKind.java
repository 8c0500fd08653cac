package io.melograph.ingest;

import io.melograph.ontology.NodeClass;
import io.melograph.ontology.Ontology;
import io.melograph.ontology.Property;
import io.melograph.ontology.Relation;
import io.melograph.ontology.ShapeRules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * songs.csv, artists.csv, ...: one row per entity of an ontology class. Columns are the class's datatype properties,
 * its references (object properties with one target class; multi-valued with {@code |}), and properties of those
 * references as {@code reference.property} (e.g. {@code onAlbum.track}).
 */
final class EntityCsvKind implements CsvKind {
    private final NodeClass cls;
    private final List<Property> properties;
    private final List<Relation> references;
    /** "onAlbum.track" -> the track property of ON_ALBUM. */
    private final Map<String, Property> referenceProperties = new LinkedHashMap<>();
    private final Map<String, Relation> referenceOfColumn = new HashMap<>();
    private final List<ShapeRules.Rule> rules;

    EntityCsvKind(NodeClass cls, Ontology ontology, ShapeRules shapes) {
        this.cls = cls;
        this.properties = ontology.nodeProperties(cls.label());
        this.references = ontology.relationsFrom(cls.label()).stream()
                .filter(r -> r.singleRange() != null && r.keyedBy() == null && !r.derived())
                .toList();
        for (Relation r : references) {
            for (Property p : ontology.relationProperties(r.type())) {
                String column = r.column() + "." + p.key();
                referenceProperties.put(column, p);
                referenceOfColumn.put(column, r);
            }
        }
        this.rules = shapes.rules(cls.label());
    }

    @Override
    public String name() {
        return cls.csvFile();
    }

    String label() {
        return cls.label();
    }

    @Override
    public List<String> columns() {
        List<String> out = new ArrayList<>();
        out.add("id");
        properties.forEach(p -> out.add(p.key()));
        references.forEach(r -> out.add(r.column()));
        out.addAll(referenceProperties.keySet());
        return out;
    }

    @Override
    public RowMapper mapper(String source, List<String> header) throws HeaderException {
        Map<String, Integer> index = HeaderCheck.index(name(), header, columns(), List.of("id"));
        for (ShapeRules.Rule rule : rules) {
            if (rule.minCount() > 0 && !rule.warning() && !index.containsKey(rule.path())) {
                throw new HeaderException("missing required column '" + rule.path() + "'");
            }
        }
        int idColumn = index.get("id");
        return (line, fields) -> {
            RowBuilder row = new RowBuilder(source, line, fields);
            String id = fields.get(idColumn).strip();
            if (id.isEmpty()) {
                row.error("id", "is required");
                return row.build();
            }
            Map<String, Object> props = new HashMap<>();
            Map<String, List<?>> values = new HashMap<>();
            for (Property p : properties) {
                Integer i = index.get(p.key());
                String cell = i == null ? "" : fields.get(i);
                if (cell.isBlank()) {
                    values.put(p.key(), List.of());
                    continue;
                }
                try {
                    Object v = p.datatype().parse(cell);
                    props.put(p.key(), v);
                    values.put(p.key(), List.of(v));
                } catch (IllegalArgumentException e) {
                    row.error(p.key(), e.getMessage());
                }
            }
            Map<String, Map<String, Object>> edgeProps = new HashMap<>();
            for (Map.Entry<String, Property> e : referenceProperties.entrySet()) {
                Integer i = index.get(e.getKey());
                if (i == null || fields.get(i).isBlank()) {
                    continue;
                }
                try {
                    edgeProps.computeIfAbsent(referenceOfColumn.get(e.getKey()).type(), k -> new HashMap<>())
                            .put(e.getValue().key(), e.getValue().datatype().parse(fields.get(i)));
                } catch (IllegalArgumentException ex) {
                    row.error(e.getKey(), ex.getMessage());
                }
            }
            for (Relation r : references) {
                Integer i = index.get(r.column());
                List<String> targets = i == null ? List.of() : RowBuilder.split(fields.get(i));
                values.put(r.column(), targets);
                for (String target : targets) {
                    row.edge(new EdgeRecord(r.type(), cls.label(), id, r.singleRange(), target,
                            edgeProps.getOrDefault(r.type(), Map.of()), "id", r.column()));
                }
            }
            row.check(rules, values);
            row.node(new NodeRecord(List.of(cls.label()), id, props));
            return row.build();
        };
    }
}
