package io.melograph.cli;

import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.events.ItemCatalog;
import io.melograph.rank.Ftrl;
import io.melograph.rank.FtrlRanker;
import io.melograph.rank.FtrlVersions;
import io.melograph.registry.ModelRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code melograph train ftrl}: a new version of the online ranker in the model registry, promoted only when better. */
@Command(name = "ftrl", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the online ranker (FTRL-Proximal, one head per behaviour: click, complete, like) on the home's",
                "event journal up to the start of a held-out window, and stores it as a new version in",
                "MELOGRAPH_HOME/models/ftrl/<version>/ with its window, a hash of its events and its metrics. Both it and the",
                "current version are replayed through the held-out events (each example predicted, then learned); it is",
                "promoted only when its mean AUC over the heads is higher, else kept and the card says why. A running",
                "service swaps a promoted version in within seconds; the journal is only read",
                "(the service's Kafka topic instead of the home's journal when MELOGRAPH_KAFKA_BOOTSTRAP names brokers)."})
final class TrainFtrlCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph = new GraphOptions();

    @Mixin
    TrainingWindow window = new TrainingWindow();

    @Option(names = "--hash-bits", defaultValue = "20", paramLabel = "N",
            description = "2^N hashed feature buckets per head (default ${DEFAULT-VALUE}; the service's melograph.rank.hash-bits).")
    int bits;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TrainingWindow.Parsed w = window.parse(spec);
        GraphSettings settings = graph.settings();
        try (GraphConnection connection = GraphConnection.open(settings)) {
            // song facts (artists, genres) come from the catalog, as in the service
            ItemCatalog catalog = new ItemCatalog(connection).reload();
            FtrlVersions.Trained t = FtrlVersions.train(new ModelRegistry(settings.shared()), graph.history(), w.from(),
                    w.to(), w.holdout(), new FtrlRanker.Config(bits, Ftrl.Params.defaults()),
                    catalog::song, Instant.now());
            TrainingWindow.print(t.card(), t.promoted());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
