package io.melograph.ingest;

import io.melograph.graph.GraphConnection;
import io.melograph.util.ClasspathDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The sample catalog in {@code import/sample/} (inside the jar as {@code sample/}), imported into an empty store. */
public final class BundledSample {
    private static final Logger LOG = LoggerFactory.getLogger(BundledSample.class);

    private BundledSample() {}

    /** Imports the sample through the regular importers when the graph has no songs yet. */
    public static Optional<ImportReport> importIfEmpty(GraphConnection graph, ImportFiles files, Path workDir) throws IOException {
        if (graph.read(tx -> tx.run("MATCH (n:Song) RETURN count(n) > 0 AS any").single().get("any").asBoolean())) {
            return Optional.empty();
        }
        Path dir = workDir.resolve("sample");
        ClasspathDir.copyTree("sample", dir);
        LOG.info("Empty store: importing the bundled sample catalog from {}", dir);
        ImportReport report = new Importer(graph, files.ontology(), ImportProgress.NONE).run(files.any(List.of(dir)),
                Importer.Options.defaults());
        if (report.outcome() == ImportReport.Outcome.INVALID) {
            throw new IllegalStateException("the bundled sample does not import: " + report.problems());
        }
        LOG.info("Sample imported in {} ms: {}", report.millis(), report.written());
        LOG.info("Genres and tags from the sample's descriptions (links per step): {}",
                SampleKeywords.apply(graph, dir.resolve("dbpedia-music/keywords.tsv")));
        return Optional.of(report);
    }

}
