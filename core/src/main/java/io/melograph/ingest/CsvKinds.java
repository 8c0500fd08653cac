package io.melograph.ingest;

import io.melograph.ontology.NodeClass;
import io.melograph.ontology.Ontology;
import io.melograph.ontology.Relation;
import io.melograph.ontology.ShapeRules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The CSV file kinds the ontology defines, and which kind a file name is. */
public final class CsvKinds {
    private final Map<String, CsvKind> kinds = new LinkedHashMap<>();

    public CsvKinds(Ontology ontology, ShapeRules shapes) {
        for (NodeClass c : ontology.entityClasses()) {
            if (c.csvFile() != null) {
                kinds.put(c.csvFile(), new EntityCsvKind(c, ontology, shapes));
            }
        }
        for (Relation r : ontology.relations().stream().sorted(java.util.Comparator.comparing(Relation::type)).toList()) {
            if (r.csvFile() != null) {
                kinds.put(r.csvFile(), new RelationCsvKind(r, ontology));
            }
        }
        kinds.put("triples", new TriplesCsvKind(ontology));
    }

    public List<CsvKind> all() {
        return List.copyOf(kinds.values());
    }

    /** songs.csv, songs-2024.csv, songs.part1.csv.gz are all songs files. */
    public Optional<CsvKind> forFile(String fileName) {
        String base = fileName.toLowerCase();
        if (base.endsWith(".gz")) {
            base = base.substring(0, base.length() - 3);
        }
        if (base.endsWith(".csv")) {
            base = base.substring(0, base.length() - 4);
        }
        CsvKind exact = kinds.get(base);
        if (exact != null) {
            return Optional.of(exact);
        }
        int cut = indexOfAny(base, '-', '.');
        return cut > 0 ? Optional.ofNullable(kinds.get(base.substring(0, cut))) : Optional.empty();
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
