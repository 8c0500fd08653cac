package io.melograph.cli;

import io.melograph.events.EventSinks;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.graph.SchemaMigrations;
import io.melograph.ingest.listens.ListenFormat;
import io.melograph.ingest.listens.ListenImport;
import io.melograph.util.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "listens", mixinStandardHelpOptions = true,
        description = {"Imports exported listening histories as events: Last.fm 1K TSV, ListenBrainz JSON/JSONL,",
                "Spotify (extended) streaming history JSON. Songs resolve to the catalog by MusicBrainz id, then by",
                "normalised artist and title; the rest are created, marked unresolved. Events go to the running",
                "service of --home (POST /events) or, when none runs, straight into its journal. Every listen is",
                "checked first; anything invalid means nothing is written (exit code 2) unless --skip-invalid.",
                "Importing the same history again adds nothing (event ids derive from the listens)."})
final class ListensImportCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph = new GraphOptions();

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "lastfm-1k, listenbrainz or spotify-history.")
    String format;

    @Option(names = "--user", paramLabel = "ID",
            description = "Credit every listen to this listener id (default: the file's own user, as <format>:user:<name>).")
    String user;

    @Option(names = "--token", description = "Events token of the running service (default: $MELOGRAPH_EVENTS_TOKEN, "
            + "then $MELOGRAPH_ADMIN_TOKEN).")
    String token;

    @Option(names = "--dry-run", description = "Only validate and count; write nothing.")
    boolean dryRun;

    @Option(names = "--skip-invalid", description = "Import the valid listens and report the invalid ones.")
    boolean skipInvalid;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ListenFormat f = ListenFormat.parse(format).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "unknown --format '" + format + "': lastfm-1k, listenbrainz or spotify-history"));
        GraphSettings settings = graph.settings();
        try (GraphConnection connection = GraphConnection.open(settings)) {
            SchemaMigrations.apply(connection, settings.embeddingDimensions());
            ListenImport.Report r = new ListenImport(connection).run(files, f, user,
                    new ListenImport.Options(dryRun, skipInvalid), () -> EventSinks.forHome(settings.home(), token));
            print(r);
            return r.exitCode();
        }
    }

    private void print(ListenImport.Report r) {
        ImportCommand.printProblems(r.problems(), r.errors() + r.warnings());
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("outcome", r.outcome().name());
            out.put("listens", r.listens());
            out.put("rejected", r.rejected());
            out.put("warnings", r.warnings());
            out.put("resolved", r.resolved());
            out.put("songsCreated", r.songsCreated());
            out.put("events", r.events());
            out.put("duplicates", r.duplicates());
            out.put("target", r.target());
            out.put("millis", r.millis());
            System.out.println(Json.write(out));
            return;
        }
        switch (r.outcome()) {
            case INVALID -> System.out.printf("Nothing was written: %,d errors (%,d valid listens, %,d warnings).%n",
                    r.errors(), r.listens(), r.warnings());
            case VALID -> System.out.printf("Valid: %,d listens, %,d warnings. Nothing written (--dry-run).%n", r.listens(), r.warnings());
            case IMPORTED -> {
                System.out.printf("Imported %,d listens in %.1f s: %,d events to %s (%,d already there), %,d rejected, %,d warnings.%n",
                        r.listens(), r.millis() / 1000.0, r.events(), r.target(), r.duplicates(), r.rejected(), r.warnings());
                System.out.printf("Resolved: %s; %,d songs created (marked unresolved).%n", r.resolved(), r.songsCreated());
            }
        }
    }
}
