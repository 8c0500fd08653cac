package io.melograph.cli;

import io.melograph.events.EventBatcher;
import io.melograph.events.EventSink;
import io.melograph.events.EventSinks;
import io.melograph.events.HttpEventSink;
import io.melograph.events.ItemCatalog;
import io.melograph.events.JsonlEventSink;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.graph.SchemaMigrations;
import io.melograph.sim.GraphCatalog;
import io.melograph.sim.HttpRecommendations;
import io.melograph.sim.ListenerSimulator;
import io.melograph.sim.PopularityPrior;
import io.melograph.sim.SimConfig;
import io.melograph.sim.SimResult;
import io.melograph.sim.SimSong;
import io.melograph.sim.WorldWriter;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulates listeners over the catalog in the graph: tastes, daily rhythm, sessions, skips,",
                "completes, likes, saves, repeat listening, taste drift, friends; exposure -> click -> play chains per",
                "scene. Writes the simulated listeners, playlists, videos and MLOGs into the graph (labelled Synthetic)",
                "and the events to the home's running service or journal, another service (--target) or a JSONL file",
                "(--out). Seeded: the same catalog, flags and seed give byte-identical events. Prints a summary of",
                "how realistic the run is (sessions, skip and repeat rates, long-tail share vs HetRec Last.fm)."})
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph = new GraphOptions();

    @Option(names = "--users", defaultValue = "300", description = "Simulated listeners (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--days", defaultValue = "28", description = "Simulated days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", defaultValue = "2024-01-01", paramLabel = "DATE", description = "First simulated day, UTC (default ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(names = "--sessions-per-day", defaultValue = "1.0", paramLabel = "X",
            description = "Mean sessions per listener per day (default ${DEFAULT-VALUE}).")
    double sessionsPerDay;

    @Option(names = "--friends", defaultValue = "8", paramLabel = "X", description = "Mean friends per listener (default ${DEFAULT-VALUE}).")
    double friends;

    @Option(names = "--videos", paramLabel = "N", description = "Synthetic music videos (default: one per 10 listeners, at least 10).")
    Integer videos;

    @Option(names = "--mlogs", paramLabel = "N", description = "Synthetic MLOGs (default: one per 4 listeners, at least 10).")
    Integer mlogs;

    @Option(names = "--playlists", paramLabel = "N", description = "Synthetic playlists (default: one per 3 listeners, at least 10).")
    Integer playlists;

    @Option(names = "--hetrec", paramLabel = "DIR",
            description = "Fit the popularity prior on this HetRec Last.fm folder (default: the exponent fitted on it once, built in).")
    Path hetrec;

    @Option(names = "--catalog-out", paramLabel = "FILE", description = {"Also write the songs' artists and genres as the service",
            "sees them (its artists' genres and tags too) as head,relation,tail CSV (song,performedBy,artist and",
            "song,hasGenre,genre) for `eval --triples`."})
    Path catalogOut;

    @Option(names = "--no-world", description = "Do not write the simulated listeners, playlists, videos and MLOGs into the graph.")
    boolean noWorld;

    @ArgGroup(exclusive = true)
    Output output = new Output();

    static final class Output {
        @Option(names = "--out", paramLabel = "FILE", description = "Write the events to this JSONL file (POST /events format, one a line).")
        Path out;

        @Option(names = "--target", paramLabel = "URL", description = "Send the events to this service's POST /events.")
        URI target;

        @Option(names = "--live", paramLabel = "URL", description = {"Live mode: listeners take their Daily lists and FM songs from this",
                "service (GET /users/{id}/daily, POST /users/{id}/fm/next) and the events go to it as they happen."})
        URI live;
    }

    @Option(names = "--run", paramLabel = "NAME", description = "Names the run in every synthetic id (sim:NAME:user:0001; "
            + "default s<seed>), so runs with other seeds make other listeners; the demo community has none (sim:user:0001).")
    String run;

    @Option(names = "--session-effects", description = {"Session moods (most sessions lean to one favourite genre) and skips",
            "that depend on the previous song (after a skip, after the same artist): the signal session-aware rankers exist",
            "for; moods need a catalog with genres (`import sample` gives the bundled one its genres). Off by default, so",
            "journals stay comparable with those measured before it existed."})
    boolean sessionEffects;

    @Option(names = "--token", description = "Events token of the target service (default: $MELOGRAPH_EVENTS_TOKEN, then $MELOGRAPH_ADMIN_TOKEN).")
    String token;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SimConfig config;
        try {
            SimConfig d = SimConfig.defaults(users, days, seed);
            config = new SimConfig(users, days, seed, start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), sessionsPerDay,
                    friends, videos == null ? d.videos() : videos, mlogs == null ? d.mlogs() : mlogs,
                    playlists == null ? d.playlists() : playlists, run == null ? "s" + Long.toString(seed).replace('-', 'm') : run,
                    sessionEffects);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PopularityPrior prior = hetrec == null ? PopularityPrior.defaults() : PopularityPrior.fromHetrec(hetrec);
        GraphSettings settings = graph.settings();
        try (GraphConnection connection = GraphConnection.open(settings)) {
            SchemaMigrations.apply(connection, settings.embeddingDimensions());
            List<SimSong> songs = GraphCatalog.songs(connection);
            if (songs.isEmpty()) {
                System.err.println("error: the graph has no songs to simulate listening to: import a catalog first "
                        + "(or start the service once, which imports the bundled sample)");
                return 1;
            }
            if (sessionEffects && songs.stream().allMatch(s -> s.genres().isEmpty())) {
                // a mood is a favourite genre: without any, the journal has the previous-song effects only
                System.err.println("warning: --session-effects: no song in the catalog has a genre, so no session will have a mood "
                        + "(only skips after skips and the same artist again); `melograph import sample` gives the bundled sample "
                        + "its genres");
            }
            ListenerSimulator sim = new ListenerSimulator(songs, config, prior);
            if (catalogOut != null) {
                writeCatalog(songs, new ItemCatalog(connection).reload(), catalogOut);
            }
            if (!noWorld) {
                System.out.println("Simulated world written to the graph (labelled Synthetic): " + WorldWriter.write(connection, sim));
            }
            try (EventSink sink = sink(settings)) {
                EventBatcher batcher = new EventBatcher(sink);
                HttpRecommendations live = null;
                if (output.live != null) {
                    live = new HttpRecommendations(output.live, EventSinks.token(token), batcher::flush);
                    sim.setRecommendations(live);
                }
                SimResult result = sim.run(batcher);
                batcher.flush();
                System.out.print(result.summary().format());
                System.out.printf("%,d events to %s (%,d already there)%s; %,d songs in the catalog.%n", batcher.accepted(),
                        sink.target(), batcher.duplicates(), live == null ? "" : ", " + live.requests() + " recommendation requests",
                        songs.size());
            }
            return 0;
        }
    }

    /**
     * The side information the evaluation's rankers may use, in the triples CSV format {@code eval} reads: each song's
     * facts as the service's catalog gives them to its rankers (artists, and genres with its artists' genres and tags:
     * the DBpedia sample's songs have almost none of their own), so offline results are about the served features.
     */
    private static void writeCatalog(List<SimSong> songs, ItemCatalog catalog, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("head,relation,tail\n");
        for (SimSong s : songs) {
            ItemCatalog.SongFacts facts = catalog.song(s.id()); // both read the same graph: missing only if it changed meanwhile
            List<String> artists = facts == null ? s.artists() : facts.artistIds();
            List<String> genres = facts == null ? List.of() : facts.genres(); // the simulator's own are ids, not names
            artists.forEach(a -> sb.append(csv(s.id())).append(",performedBy,").append(csv(a)).append('\n'));
            genres.forEach(g -> sb.append(csv(s.id())).append(",hasGenre,").append(csv(g)).append('\n'));
        }
        java.nio.file.Files.writeString(file, sb);
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private EventSink sink(GraphSettings settings) throws IOException {
        if (output.out != null) {
            return new JsonlEventSink(output.out);
        }
        URI service = output.target != null ? output.target : output.live;
        if (service != null) {
            return new HttpEventSink(service, EventSinks.token(token));
        }
        return EventSinks.forHome(settings.home(), token);
    }
}
