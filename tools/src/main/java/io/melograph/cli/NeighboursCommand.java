package io.melograph.cli;

import io.melograph.embeddings.EmbeddingVersions;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ListenerStates;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.recall.ListenerProfiles;
import io.melograph.recall.NeighbourBuild;
import io.melograph.recall.RecallService;
import io.melograph.registry.ModelRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code melograph neighbours build}: the materialized neighbour lists of every song. */
@Command(name = "neighbours", mixinStandardHelpOptions = true, subcommands = {NeighboursCommand.Build.class},
        description = "Each song's neighbours per item-level recall channel, kept in MELOGRAPH_HOME/neighbours (see the subcommands).")
final class NeighboursCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Computes each song's neighbours in every item-level channel (same artist, album, writer, band",
                    "members, tags, artist tags, co-listened, playlists, the song's videos and MLOGs: from the catalog read into",
                    "memory once; vector: the index asked for each song), as the channel answers for that song alone; each",
                    "artist's lists in the channels that start from artists, each video's songs, each following listener's",
                    "friends' favourites; and writes them to MELOGRAPH_HOME/neighbours (memory-mapped arrays). A running",
                    "service swaps the new lists in within seconds and answers similar songs and listeners' recall from them;",
                    "songs added since are asked of the graph.",
                    "Run it again after imports and as co-listening grows."})
    static final class Build implements Callable<Integer> {
        @Mixin
        GraphOptions graph = new GraphOptions();

        @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "Songs asked in parallel (default ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--per-song", defaultValue = "100", paramLabel = "N",
                description = "Neighbours kept per song and channel (default ${DEFAULT-VALUE}); fewer make a smaller store.")
        int perSong;

        @Option(names = "--channels", split = ",", paramLabel = "NAME,...",
                description = "Only these channels (default: every storable one); the others answer from the graph.")
        java.util.List<String> channels = java.util.List.of();

        @Override
        public Integer call() throws IOException {
            GraphSettings settings = graph.settings();
            try (GraphConnection connection = GraphConnection.open(settings);
                 RecallService recall = new RecallService(connection, new ListenerProfiles(connection,
                         new ListenerStates(new ItemCatalog(connection))), Duration.ofSeconds(30), new SimpleMeterRegistry())) {
                NeighbourBuild.Result r = NeighbourBuild.run(connection, recall, settings.shared().resolve("neighbours"), threads,
                        new ModelRegistry(settings.shared()).current(EmbeddingVersions.KIND).orElse(null), perSong, channels);
                System.out.printf(Locale.ROOT, "%,d songs, %,d neighbours and %,d vias over hubs' songs in %d channels (%s), %,d queries out of time; %.1f MB in "
                                + "%s, built in %.1f s (catalog read in %.1f s)%n", r.songs(), r.neighbours(), r.vias(), r.channels().size(),
                        String.join(", ", r.channels()), r.timeouts(), r.bytes() / 1e6, settings.shared().resolve("neighbours"),
                        r.millis() / 1e3, r.loadMillis() / 1e3);
                return 0;
            }
        }
    }
}
