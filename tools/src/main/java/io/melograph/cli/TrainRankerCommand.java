package io.melograph.cli;

import io.melograph.events.ItemCatalog;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.rank.deep.DnnRanker;
import io.melograph.rank.deep.RankerModels;
import io.melograph.registry.ModelRegistry;
import io.melograph.train.ranking.RankerVersions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code melograph train ranker}: a new version of the deep ranker, promoted only when it beats FTRL and the current one. */
@Command(name = "ranker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a deep ranker (DNN, DIN, DIEN, the session model or DIN with multi-task heads) on every impression",
                "and play of the home's event journal up to the start of a held-out window, labelled along the chain (click,",
                "complete, like) with the listener's behaviour sequences before each, and stores it as a new version in",
                "MELOGRAPH_HOME/models/ranker/<version>/. It, FTRL trained on the same exposures, and the current version are",
                "judged on the held-out exposures (AUC, GAUC, log loss per behaviour); it is promoted only when its mean AUC",
                "beats both. A running service swaps a promoted version in within seconds: FTRL ranks every candidate and",
                "the deep ranker re-orders the top ones within a time budget. The journal is only read",
                "(the service's Kafka topic instead of the home's journal when MELOGRAPH_KAFKA_BOOTSTRAP names brokers)."})
final class TrainRankerCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph = new GraphOptions();

    @Mixin
    TrainingWindow window = new TrainingWindow();

    @Option(names = "--model", defaultValue = "din", paramLabel = "NAME",
            description = "dnn, din, dien, session or din-esmm (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--epochs", paramLabel = "N", description = "At most N passes over the exposures (default 10; the validation tail stops earlier).")
    Integer epochs;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TrainingWindow.Parsed w = window.parse(spec);
        if (!RankerModels.names().contains(model)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model: one of " + RankerModels.names() + ", not '" + model + "'");
        }
        if (epochs != null && epochs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--epochs: at least 1");
        }
        DnnRanker.Settings d = DnnRanker.Settings.defaults();
        DnnRanker.Settings settings = epochs == null ? d
                : new DnnRanker.Settings(d.dim(), d.context(), d.hidden(), epochs, d.learningRate(), d.batch(), d.validationShare(), d.l2());
        GraphSettings gs = graph.settings();
        try (GraphConnection connection = GraphConnection.open(gs)) {
            ItemCatalog catalog = new ItemCatalog(connection).reload(); // artists and genres of the songs, as the service reads them
            RankerVersions.Trained t = RankerVersions.train(new ModelRegistry(gs.shared()), graph.history(), catalog::song,
                    model, settings, w.from(), w.to(), w.holdout(), seed, Instant.now());
            TrainingWindow.print(t.card(), t.promoted());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
