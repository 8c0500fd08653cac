package io.melograph.ingest;

import io.melograph.ontology.ShapeRules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Collects the records and problems of one row while a source maps it. */
final class RowBuilder {
    private final String source;
    private final long line;
    private final String where;
    private final List<String> raw;
    private final List<NodeRecord> nodes = new ArrayList<>(1);
    private final List<EdgeRecord> edges = new ArrayList<>(2);
    private final List<Problem> problems = new ArrayList<>(0);

    RowBuilder(String source, long line, List<String> raw) {
        this(source, line, Long.toString(line), raw);
    }

    /** For RDF, where a row is located by its resource rather than by a line. */
    RowBuilder(String source, long line, String where, List<String> raw) {
        this.source = source;
        this.line = line;
        this.where = where;
        this.raw = raw;
    }

    void node(NodeRecord node) {
        nodes.add(node);
    }

    void edge(EdgeRecord edge) {
        edges.add(edge);
    }

    void error(String field, String message) {
        problems.add(new Problem(source, where, field, message, false));
    }

    void warning(String field, String message) {
        problems.add(new Problem(source, where, field, message, true));
    }

    /** Applies the shape rules of the row's class to the values it has, property by property. */
    void check(List<ShapeRules.Rule> rules, Map<String, List<?>> values) {
        for (ShapeRules.Rule rule : rules) {
            for (String message : rule.check(values.getOrDefault(rule.path(), List.of()))) {
                if (rule.warning()) {
                    warning(rule.path(), message);
                } else {
                    error(rule.path(), message);
                }
            }
        }
    }

    boolean valid() {
        return problems.stream().allMatch(Problem::warning);
    }

    Row build() {
        return new Row(source, line, where, nodes, edges, problems, raw);
    }

    /** The values of a multi-valued cell: {@code a|b| c} gives a, b, c. */
    static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
