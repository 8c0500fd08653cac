package io.melograph.cli;

import io.melograph.embeddings.EmbeddingVersions;
import io.melograph.events.LiveStateSnapshot;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.interest.InterestModelFile;
import io.melograph.rank.FtrlVersions;
import io.melograph.rank.LiveRanking;
import io.melograph.rank.deep.RankerFile;
import io.melograph.recall.NeighbourUpdates;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import io.melograph.sim.DemoPurge;
import io.melograph.util.Folders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code melograph demo purge}: the demo's simulated community out of a home and its graph. */
@Command(name = "demo", mixinStandardHelpOptions = true, subcommands = {DemoCommand.Purge.class},
        description = "The demo's simulated community (see the subcommands).")
final class DemoCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = {"Removes the demo's simulated community and keeps everything real: from the graph the simulated",
                    "listeners (with their listens and follows), playlists, videos and MLOGs and the co-listening weight their",
                    "sessions added; from the journal its seed segment, where the community's events are (real events stay",
                    "where they are); the neighbour store, Daily lists, catalog and live-state snapshots and FTRL working copy, which the next",
                    "start makes again from what is left. The home then stays without a community. Stop the service first.",
                    "Trained model versions are listed, not deleted: they learned from the community; retrain them."})
    static final class Purge implements Callable<Integer> {
        @Mixin
        GraphOptions graph = new GraphOptions();

        @Override
        public Integer call() throws IOException {
            GraphSettings settings = graph.settings();
            // before the graph opens: with the embedded store, opening would make a new home where a path was mistyped
            boolean home = settings.external() ? Files.isDirectory(settings.home()) : Files.isDirectory(settings.home().resolve("neo4j"));
            if (!home) {
                System.err.println("error: " + settings.home() + " is no Melograph home (" + (settings.external() ? "no such folder"
                        : "no embedded store in it") + ")");
                return 1;
            }
            if (graph.homeInUse()) {
                return 1;
            }
            DemoPurge.Result r;
            try (GraphConnection connection = GraphConnection.open(settings)) {
                r = DemoPurge.purge(connection, settings.home());
            } catch (IllegalStateException e) { // the journal in use, or the aggregation running elsewhere
                System.err.println("error: " + e.getMessage());
                return 1;
            }
            System.out.println("Removed from the graph: " + (r.nodes().isEmpty() ? "no simulated nodes"
                    : String.join(", ", r.nodes().entrySet().stream().map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(),
                    e.getKey())).toList())) + String.format(Locale.ROOT, "; co-listening lowered on %,d pairs (%,d only the "
                    + "simulated listeners made, removed)", r.coListens(), r.coListensDeleted()));
            System.out.printf(Locale.ROOT, "Removed from the journal: %,d simulated events (its seed segment; %,d of them had been "
                    + "counted into the graph)%n", r.seedEvents(), r.seedCounted());
            if (r.syntheticLeft() < 0) {
                System.out.println("Could not read the journal to count simulated listeners' events left after the seed");
            } else if (r.syntheticLeft() > 0) {
                System.out.printf(Locale.ROOT, "Left in the journal: %,d events of simulated listeners after the seed (from "
                        + "`melograph simulate` into this home, or a demo older than the seed segment): they are not in the graph "
                        + "any more, but replays and training still read them%n", r.syntheticLeft());
            }
            for (Path p : discardDerived(settings)) {
                System.out.println("Removed " + p + " (made again at the next start)");
            }
            if (r.embeddedSongs() > 0) {
                System.out.printf(Locale.ROOT, "Left: embeddings of %,d songs, computed while the community was in the graph "
                        + "(`melograph train embeddings` computes them again)%n", r.embeddedSongs());
            }
            List<String> models = trainedModels(new ModelRegistry(settings.shared()));
            if (!models.isEmpty()) {
                System.out.println("Left: model versions trained while the community's events were in the journal (retrain with "
                        + "`melograph train …`, then `melograph models promote`):");
                models.forEach(m -> System.out.println("  " + m));
            }
            System.out.println("The demo will not simulate a community in " + settings.home() + " again.");
            return 0;
        }

        /** What the service derived from the events and the graph and makes again when it is missing. */
        private static List<Path> discardDerived(GraphSettings settings) throws IOException {
            List<Path> removed = new ArrayList<>();
            Path neighbours = settings.shared().resolve("neighbours");
            for (Path dir : List.of(neighbours, NeighbourUpdates.beside(neighbours), settings.shared().resolve("daily"),
                    settings.home().resolve("catalog"), LiveStateSnapshot.in(settings.home()))) {
                if (Files.exists(dir)) {
                    Folders.delete(dir);
                    removed.add(dir);
                }
            }
            removed.addAll(LiveRanking.discardWorkingCopy(settings.home()));
            return removed;
        }

        private static List<String> trainedModels(ModelRegistry registry) {
            List<String> out = new ArrayList<>();
            for (String kind : List.of(EmbeddingVersions.KIND, InterestModelFile.KIND, RankerFile.KIND, FtrlVersions.KIND)) {
                String current = registry.current(kind).orElse("");
                for (ModelCard c : registry.list(kind)) {
                    out.add(kind + " " + c.version() + (c.version().equals(current) ? " (current)" : "") + ", created " + c.createdAt());
                }
            }
            return out;
        }
    }
}
