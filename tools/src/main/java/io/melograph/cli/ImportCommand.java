package io.melograph.cli;

import io.melograph.graph.GraphConnection;
import io.melograph.graph.SchemaMigrations;
import io.melograph.ingest.BundledSample;
import io.melograph.ingest.ImportFiles;
import io.melograph.ingest.ImportReport;
import io.melograph.ingest.ImportSource;
import io.melograph.ingest.Importer;
import io.melograph.ingest.Problem;
import io.melograph.util.Folders;
import io.melograph.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports catalog data into the graph. Everything is validated first: if anything is invalid,",
                "nothing is written and every problem is listed (exit code 2), unless --skip-invalid.",
                "Exit codes: 0 ok, 2 invalid input, 1 anything else."},
        subcommands = {ImportCommand.Csv.class, ImportCommand.Rdf.class, ImportCommand.Sample.class, ImportCommand.Hetrec.class,
                ListensImportCommand.class})
final class ImportCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options of every import. */
    static final class Options {
        @Mixin
        GraphOptions graph = new GraphOptions();

        @Option(names = "--dry-run", description = "Only validate; write nothing.")
        boolean dryRun;

        @Option(names = "--skip-invalid", description = "Write the valid rows; write the rejected ones to <file>.rejects.csv with the reason.")
        boolean skipInvalid;

        @Option(names = "--batch-size", paramLabel = "N", defaultValue = "5000", description = "Rows per write transaction (default ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--json", description = "Print the report as JSON instead of text.")
        boolean json;
    }

    interface SourceFactory {
        List<ImportSource> sources(ImportFiles files) throws IOException;
    }

    static int run(Options options, SourceFactory factory) throws IOException {
        ImportFiles files = ImportFiles.load();
        List<ImportSource> sources = factory.sources(files);
        try (GraphConnection graph = GraphConnection.open(options.graph.settings())) {
            SchemaMigrations.apply(graph, options.graph.settings().embeddingDimensions());
            Importer importer = new Importer(graph, files.ontology(), ConsoleProgress.create());
            ImportReport report = importer.run(sources, new Importer.Options(options.dryRun, options.skipInvalid, options.batchSize));
            print(report, options.json);
            return report.exitCode();
        }
    }

    static void print(ImportReport r, boolean json) {
        printProblems(r.problems(), r.errors() + r.warnings());
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("outcome", r.outcome().name());
            out.put("sources", r.sources());
            out.put("rows", r.rows());
            out.put("rowsRejected", r.rowsRejected());
            out.put("errors", r.errors());
            out.put("warnings", r.warnings());
            out.put("written", r.written());
            out.put("created", r.created());
            out.put("rejectsFiles", r.rejectsFiles().stream().map(Path::toString).toList());
            out.put("millis", r.millis());
            System.out.println(Json.write(out));
            return;
        }
        String what = String.join(", ", r.sources());
        switch (r.outcome()) {
            case INVALID -> System.out.printf("Nothing was written: %,d errors in %s (%,d rows checked, %,d warnings).%n",
                    r.errors(), what, r.rows(), r.warnings());
            case VALID -> System.out.printf("Valid: %,d rows in %s, %,d warnings. Nothing written (--dry-run).%n",
                    r.rows(), what, r.warnings());
            default -> {
                System.out.printf("Imported %s in %.1f s: %,d rows, %,d rejected, %,d warnings.%n", what, r.millis() / 1000.0,
                        r.rows(), r.rowsRejected(), r.warnings());
                System.out.println("Written: " + r.written());
                System.out.println("Created: " + r.created());
                r.rejectsFiles().forEach(f -> System.out.println("Rejected rows: " + f));
            }
        }
    }

    /** Each listed problem on stderr, then how many more there were. */
    static void printProblems(List<Problem> listed, long total) {
        for (Problem p : listed) {
            System.err.println(p);
        }
        if (total > listed.size()) {
            System.err.println("... and " + (total - listed.size()) + " more problems");
        }
    }

    @Command(name = "csv", mixinStandardHelpOptions = true,
            description = {"Imports CSV files (formats: import/README.md); folders are searched for *.csv and *.csv.gz.",
                    "The file name says the kind: songs.csv, artists-2024.csv, triples.csv, ..."})
    static final class Csv implements Callable<Integer> {
        @Mixin
        Options options = new Options();

        @Parameters(arity = "1..*", paramLabel = "FILE|DIR")
        List<Path> paths;

        @Override
        public Integer call() throws IOException {
            return run(options, files -> files.csv(paths));
        }
    }

    @Command(name = "rdf", mixinStandardHelpOptions = true,
            description = {"Imports RDF (Turtle, N-Triples, N3, RDF/XML, JSON-LD; .gz too), mapped by ontology/alignments/",
                    "and validated with SHACL (ontology/shapes.ttl)."})
    static final class Rdf implements Callable<Integer> {
        @Mixin
        Options options = new Options();

        @Parameters(arity = "1..*", paramLabel = "FILE|DIR")
        List<Path> paths;

        @Override
        public Integer call() throws IOException {
            return run(options, files -> files.rdf(paths));
        }
    }

    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = {"Imports the bundled sample catalog as the demo's first start does: the DBpedia subset through the",
                    "RDF importer, then genres and tags from its descriptions (import/sample/dbpedia-music/keywords.tsv),",
                    "which `import rdf` of the same file does not add. Only into a graph without songs."})
    static final class Sample implements Callable<Integer> {
        @Mixin
        GraphOptions graph = new GraphOptions();

        @Override
        public Integer call() throws IOException {
            ImportFiles files = ImportFiles.load();
            Path work = Files.createTempDirectory("melograph-sample");
            try (GraphConnection connection = GraphConnection.open(graph.settings())) {
                SchemaMigrations.apply(connection, graph.settings().embeddingDimensions());
                Optional<ImportReport> report = BundledSample.importIfEmpty(connection, files, work);
                if (report.isEmpty()) {
                    System.err.println("error: the graph has songs already; the sample goes only into one without");
                    return 1;
                }
                print(report.get(), false);
                return 0;
            } finally {
                try {
                    Folders.delete(work);
                } catch (UncheckedIOException e) { // a copy left in the temp folder must not hide how the import went
                    System.err.println("warning: could not remove " + work + ": " + e.getMessage());
                }
            }
        }
    }

    @Command(name = "lastfm-hetrec", mixinStandardHelpOptions = true,
            description = {"Imports the HetRec 2011 Last.fm dataset folder (hetrec2011-lastfm-2k): users, artists, tags,",
                    "play counts (LISTENED.plays), friendships (FOLLOWS) and dated tag assignments (APPLIED_TAG, TAGGED)."})
    static final class Hetrec implements Callable<Integer> {
        @Mixin
        Options options = new Options();

        @Parameters(arity = "1", paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() throws IOException {
            return run(options, files -> List.of(files.hetrec(dir)));
        }
    }
}
