package io.melograph.ingest;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphStats;
import io.melograph.ontology.Ontology;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Validates all sources first, then writes. By default one invalid row means nothing is written and every problem
 * is reported; with {@code skipInvalid} the valid rows are written and the invalid ones go to rejects files.
 * References must resolve to a node defined in the sources or already in the graph. Sources are streamed
 * (validate, resolve, write nodes, write relationships), so memory holds ids, not rows.
 */
public final class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
    public static final int MAX_LISTED = 10_000;

    public record Options(boolean dryRun, boolean skipInvalid, int batchSize) {
        public static Options defaults() {
            return new Options(false, false, 5_000);
        }
    }

    private final GraphConnection graph;
    private final Ontology ontology;
    private final ImportProgress progress;

    public Importer(GraphConnection graph, Ontology ontology, ImportProgress progress) {
        this.graph = graph;
        this.ontology = ontology;
        this.progress = progress;
    }

    /** Per run: what is defined, referenced, rejected. */
    private final class Run {
        final List<ImportSource> sources;
        final Map<String, Set<String>> defined = new HashMap<>();
        final Map<String, Set<String>> forwardRefs = new HashMap<>();
        final Map<Integer, Map<Long, List<Problem>>> rejected = new HashMap<>();
        final Map<Integer, Map<Long, List<String>>> rejectedRaw = new HashMap<>();
        final List<Problem> listed = new ArrayList<>();
        /** Sources with valid nodes / relationships: the write passes read only those. */
        final Set<Integer> withNodes = new HashSet<>();
        final Set<Integer> withEdges = new HashSet<>();
        long nodeRows;
        long edgeRows;
        long rows;
        long errors;
        long warnings;

        Run(List<ImportSource> sources) {
            this.sources = sources;
        }

        void problem(Problem p) {
            if (p.warning()) {
                warnings++;
            } else {
                errors++;
            }
            if (listed.size() < MAX_LISTED) {
                listed.add(p);
            }
        }

        void reject(int source, Row row, List<Problem> reasons) {
            rejected.computeIfAbsent(source, k -> new TreeMap<>()).computeIfAbsent(row.line(), k -> new ArrayList<>()).addAll(reasons);
            rejectedRaw.computeIfAbsent(source, k -> new HashMap<>()).putIfAbsent(row.line(), row.raw());
        }

        boolean isRejected(int source, Row row) {
            Map<Long, List<Problem>> r = rejected.get(source);
            return r != null && r.containsKey(row.line());
        }

        long rejectedRows() {
            return rejected.values().stream().mapToLong(Map::size).sum();
        }
    }

    /** Runs the import of {@code sources} and closes them at the end. */
    public ImportReport run(List<ImportSource> sources, Options options) throws IOException {
        try {
            return runOf(sources, options);
        } finally {
            sources.forEach(ImportSource::close);
        }
    }

    private ImportReport runOf(List<ImportSource> sources, Options options) throws IOException {
        long started = System.currentTimeMillis();
        Run run = new Run(sources);
        validate(run);
        Map<String, Set<String>> unresolved = unresolved(run, run.forwardRefs);
        while (!unresolved.isEmpty()) {
            Map<String, Set<String>> undefinedNow = rejectUnresolved(run, unresolved);
            // without --skip-invalid nothing is written, so the first round already names every problem
            unresolved = options.skipInvalid() ? unresolved(run, undefinedNow) : Map.of();
        }
        List<String> names = sources.stream().map(ImportSource::name).toList();
        if (run.errors > 0 && (!options.skipInvalid() || options.dryRun())) {
            return report(run, ImportReport.Outcome.INVALID, names, Map.of(), Map.of(), List.of(), started);
        }
        if (options.dryRun()) {
            return report(run, ImportReport.Outcome.VALID, names, Map.of(), Map.of(), List.of(), started);
        }
        List<Path> rejectsFiles = writeRejects(run);
        try (GraphWriter writer = new GraphWriter(graph, ontology, options.batchSize())) {
            // the totals count rows valid after the first pass; rows rejected later are skipped, so a bar may end short
            scan(run, "write nodes", run.withNodes, run.nodeRows, row -> !row.nodes().isEmpty(),
                    (source, row) -> row.nodes().forEach(writer::node), writer::flush);
            scan(run, "write relationships", run.withEdges, run.edgeRows, row -> !row.edges().isEmpty(),
                    (source, row) -> row.edges().forEach(writer::edge), writer::flush);
            if (!writer.written().isEmpty()) {
                catalogChanged(graph);
            }
            return report(run, run.errors > 0 ? ImportReport.Outcome.IMPORTED_WITH_REJECTS : ImportReport.Outcome.IMPORTED,
                    names, writer.written(), writer.created(), rejectsFiles, started);
        }
    }

    /**
     * Tells the processes that hold the catalog in memory to load it again (the counts alone miss an edit): after any
     * import that wrote to the catalog, this one's or a listening history's. The import is committed by then and stands
     * if this fails: new items are still seen by their counts.
     */
    public static void catalogChanged(GraphConnection graph) {
        try {
            graph.write(tx -> tx.run(CypherFile.load("ingest/catalog-changed.cypher").statement()).consume());
        } catch (RuntimeException e) {
            LOG.warn("Import written, but the catalog version was not moved ({}): other processes see new items by their "
                    + "counts, an edit of existing ones only at their next start", e.getMessage());
        }
    }

    private ImportReport report(Run run, ImportReport.Outcome outcome, List<String> names, Map<String, Long> written,
                                Map<String, Long> created, List<Path> rejects, long started) {
        return new ImportReport(outcome, names, run.rows, run.rejectedRows(), run.errors, run.warnings, run.listed,
                written, created, rejects, System.currentTimeMillis() - started);
    }

    /** Pass 1: parse and check every row; remember the ids each valid row defines and references not yet defined. */
    private void validate(Run run) throws IOException {
        Meter meter = new Meter("validate", 0);
        for (int i = 0; i < run.sources.size(); i++) {
            int source = i;
            run.sources.get(i).read(row -> {
                run.rows++;
                row.problems().forEach(run::problem);
                if (!row.valid()) {
                    run.reject(source, row, row.problems().stream().filter(p -> !p.warning()).toList());
                } else {
                    if (!row.nodes().isEmpty()) {
                        run.withNodes.add(source);
                        run.nodeRows++;
                    }
                    if (!row.edges().isEmpty()) {
                        run.withEdges.add(source);
                        run.edgeRows++;
                    }
                    for (NodeRecord n : row.nodes()) {
                        for (String label : n.labels()) {
                            run.defined.computeIfAbsent(label, k -> new HashSet<>()).add(n.id());
                        }
                    }
                    for (EdgeRecord e : row.edges()) {
                        forward(run, e.fromLabel(), e.fromId());
                        forward(run, e.toLabel(), e.toId());
                    }
                }
                meter.tick();
            });
        }
        meter.finish();
    }

    private static void forward(Run run, String label, String id) {
        if (!run.defined.getOrDefault(label, Set.of()).contains(id)) {
            run.forwardRefs.computeIfAbsent(label, k -> new HashSet<>()).add(id);
        }
    }

    /** Of the given references, those defined neither by a valid row nor in the graph. */
    private Map<String, Set<String>> unresolved(Run run, Map<String, Set<String>> refs) {
        Map<String, Set<String>> out = new HashMap<>();
        Meter meter = new Meter("resolve in graph", refs.values().stream().mapToLong(Set::size).sum());
        try (Session session = graph.readSession()) {
            for (Map.Entry<String, Set<String>> e : refs.entrySet()) {
                String label = e.getKey();
                if (ontology.classByLabel(label).isEmpty()) {
                    throw new IllegalArgumentException("not an ontology class: " + label);
                }
                List<String> missing = new ArrayList<>();
                for (String id : e.getValue()) {
                    if (!run.defined.getOrDefault(label, Set.of()).contains(id)) {
                        missing.add(id);
                    }
                }
                for (int from = 0; from < missing.size(); from += 10_000) {
                    List<String> chunk = missing.subList(from, Math.min(missing.size(), from + 10_000));
                    Set<String> found = new HashSet<>(session.run("UNWIND $ids AS id MATCH (n:" + GraphStats.quote(label)
                            + " {id: id}) RETURN n.id AS id", Map.of("ids", chunk)).list(r -> r.get("id").asString()));
                    for (String id : chunk) {
                        if (!found.contains(id)) {
                            out.computeIfAbsent(label, k -> new HashSet<>()).add(id);
                        }
                    }
                    meter.add(chunk.size());
                }
            }
        }
        meter.finish();
        return out;
    }

    /** Rejects the valid rows that reference an unresolved id; returns the ids those rows defined. */
    private Map<String, Set<String>> rejectUnresolved(Run run, Map<String, Set<String>> unresolved) throws IOException {
        Map<String, Set<String>> undefinedNow = new HashMap<>();
        scan(run, "check references", run.withEdges, run.edgeRows, row -> !row.edges().isEmpty(), (source, row) -> {
            List<Problem> reasons = new ArrayList<>();
            for (EdgeRecord e : row.edges()) {
                if (unresolved.getOrDefault(e.fromLabel(), Set.of()).contains(e.fromId())) {
                    reasons.add(unknown(row, e.fromField(), e.fromLabel(), e.fromId()));
                }
                if (unresolved.getOrDefault(e.toLabel(), Set.of()).contains(e.toId())) {
                    reasons.add(unknown(row, e.toField(), e.toLabel(), e.toId()));
                }
            }
            if (!reasons.isEmpty()) {
                reasons.forEach(run::problem);
                run.reject(source, row, reasons);
                for (NodeRecord n : row.nodes()) {
                    for (String label : n.labels()) {
                        if (run.defined.getOrDefault(label, Set.of()).remove(n.id())) {
                            undefinedNow.computeIfAbsent(label, k -> new HashSet<>()).add(n.id());
                        }
                    }
                }
            }
        }, () -> { });
        return undefinedNow;
    }

    private static Problem unknown(Row row, String field, String label, String id) {
        return new Problem(row.source(), row.where(), field,
                "unknown " + label + " '" + id + "' (neither in the imported files nor in the graph)", false);
    }

    /** Reads the sources in {@code only} again, handing their relevant rows that are not rejected to {@code action}. */
    private void scan(Run run, String phase, Set<Integer> only, long total, java.util.function.Predicate<Row> relevant,
                      RowAction action, Runnable atEnd) throws IOException {
        Meter meter = new Meter(phase, total);
        for (int i = 0; i < run.sources.size(); i++) {
            if (!only.contains(i)) {
                continue;
            }
            int source = i;
            Consumer<Row> consumer = row -> {
                if (row.valid() && relevant.test(row) && !run.isRejected(source, row)) {
                    action.accept(source, row);
                    meter.tick();
                }
            };
            run.sources.get(i).read(consumer);
        }
        atEnd.run();
        meter.finish();
    }

    private interface RowAction {
        void accept(int source, Row row);
    }

    private List<Path> writeRejects(Run run) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<Integer, Map<Long, List<Problem>>> e : run.rejected.entrySet()) {
            ImportSource source = run.sources.get(e.getKey());
            Path file = source.rejectsFile();
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                List<String> header = new ArrayList<>(source.rejectsHeader());
                header.add(0, "_line");
                header.add("_reason");
                w.write(csvLine(header));
                for (Map.Entry<Long, List<Problem>> r : e.getValue().entrySet()) {
                    List<String> cells = new ArrayList<>(run.rejectedRaw.get(e.getKey()).getOrDefault(r.getKey(), List.of()));
                    cells.add(0, Long.toString(r.getKey()));
                    cells.add(String.join("; ", r.getValue().stream()
                            .map(p -> (p.field() == null || p.field().isEmpty() ? "" : p.field() + ": ") + p.message()).toList()));
                    w.write(csvLine(cells));
                }
            }
            files.add(file);
        }
        return files;
    }

    static String csvLine(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.append('\n').toString();
    }

    /** Rate-limited progress reporting for one phase. */
    private final class Meter {
        private final String phase;
        private final long total;
        private final long start = System.nanoTime();
        private long done;
        private long lastReport = start;

        Meter(String phase, long total) {
            this.phase = phase;
            this.total = total;
        }

        void tick() {
            add(1);
        }

        void add(long n) {
            done += n;
            if ((done & 1023) == 0 || n > 1) {
                long now = System.nanoTime();
                if (now - lastReport > 250_000_000L) {
                    lastReport = now;
                    progress.report(phase, done, total, rate(now), false);
                }
            }
        }

        void finish() {
            progress.report(phase, done, total, rate(System.nanoTime()), true);
        }

        private double rate(long now) {
            double seconds = (now - start) / 1e9;
            return seconds <= 0 ? 0 : done / seconds;
        }
    }

}
