package io.melograph.ingest;

import io.melograph.ontology.Alignment;
import io.melograph.ontology.Ontology;
import io.melograph.ontology.ShapeRules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns the files and folders an editor names into import sources. A file that cannot be imported at all (unknown
 * CSV kind, unknown extension, missing) becomes a source with a single problem, so it is reported like any other.
 */
public final class ImportFiles {
    private final Ontology ontology;
    private final ShapeRules shapes;
    private final Alignment alignment;
    private final CsvKinds kinds;

    public ImportFiles(Ontology ontology, ShapeRules shapes, Alignment alignment) {
        this.ontology = ontology;
        this.shapes = shapes;
        this.alignment = alignment;
        this.kinds = new CsvKinds(ontology, shapes);
    }

    /** With the ontology, shapes and alignments shipped in the jar. */
    public static ImportFiles load() {
        Ontology ontology = Ontology.load();
        return new ImportFiles(ontology, ShapeRules.load(), Alignment.load(ontology));
    }

    public Ontology ontology() {
        return ontology;
    }

    public CsvKinds kinds() {
        return kinds;
    }

    public List<ImportSource> csv(List<Path> paths) throws IOException {
        List<ImportSource> out = new ArrayList<>();
        for (Path file : expand(paths, n -> n.endsWith(".csv") || n.endsWith(".csv.gz"))) {
            Optional<CsvKind> kind = kinds.forFile(file.getFileName().toString());
            out.add(kind.<ImportSource>map(k -> new CsvSource(file, k)).orElseGet(() -> failed(file,
                    "unknown CSV kind; name the file after one of: " + String.join(", ",
                            kinds.all().stream().map(CsvKind::name).toList()) + " (see import/README.md)")));
        }
        out.sort(Comparator.comparingInt(this::kindOrder));
        return out;
    }

    public List<ImportSource> rdf(List<Path> paths) throws IOException {
        List<ImportSource> out = new ArrayList<>();
        for (Path file : expand(paths, RdfSource::isRdf)) {
            out.add(RdfSource.isRdf(file.getFileName().toString()) ? new RdfSource(file, ontology, alignment, shapes)
                    : failed(file, "not an RDF file name (.ttl, .nt, .n3, .rdf, .owl, .jsonld, optionally .gz)"));
        }
        return out;
    }

    /** CSV and RDF files together, told apart by extension (HTTP uploads, which may mix both). */
    public List<ImportSource> any(List<Path> paths) throws IOException {
        List<Path> csv = new ArrayList<>();
        List<Path> rdf = new ArrayList<>();
        List<ImportSource> out = new ArrayList<>();
        for (Path file : expand(paths, n -> n.endsWith(".csv") || n.endsWith(".csv.gz") || RdfSource.isRdf(n))) {
            String n = file.getFileName().toString().toLowerCase();
            if (n.endsWith(".csv") || n.endsWith(".csv.gz")) {
                csv.add(file);
            } else if (RdfSource.isRdf(n)) {
                rdf.add(file);
            } else {
                out.add(failed(file, "neither CSV (.csv) nor RDF (.ttl, .nt, .n3, .rdf, .owl, .jsonld)"));
            }
        }
        out.addAll(csv(csv));
        out.addAll(rdf(rdf));
        return out;
    }

    public ImportSource hetrec(Path dir) {
        List<String> missing = HetrecSource.missingFiles(dir);
        return missing.isEmpty() ? new HetrecSource(dir, shapes)
                : failed(dir, "not the HetRec 2011 Last.fm folder: missing " + String.join(", ", missing));
    }

    private int kindOrder(ImportSource s) {
        if (!(s instanceof CsvSource)) {
            return -1;
        }
        Optional<CsvKind> k = kinds.forFile(s.name());
        return k.map(kind -> kinds.all().indexOf(kind)).orElse(-1);
    }

    /** Files named directly, and the matching files inside named folders (rejects files excluded). */
    private static List<Path> expand(List<Path> paths, java.util.function.Predicate<String> wanted) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    files.filter(Files::isRegularFile)
                            .filter(f -> {
                                String n = f.getFileName().toString().toLowerCase();
                                return wanted.test(n) && !n.endsWith(".rejects.csv");
                            })
                            .sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static ImportSource failed(Path file, String message) {
        return new ImportSource() {
            @Override
            public String name() {
                return file.getFileName() == null ? file.toString() : file.getFileName().toString();
            }

            @Override
            public void read(Consumer<Row> rows) {
                RowBuilder row = new RowBuilder(name(), 0, List.of(file.toString()));
                row.error("", Files.exists(file) ? message : "no such file or folder: " + file);
                rows.accept(row.build());
            }

            @Override
            public Path rejectsFile() {
                return Path.of(name() + ".rejects.csv").toAbsolutePath();
            }

            @Override
            public List<String> rejectsHeader() {
                return List.of("file");
            }
        };
    }
}
