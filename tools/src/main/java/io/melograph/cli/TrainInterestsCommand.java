package io.melograph.cli;

import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.registry.ModelRegistry;
import io.melograph.interest.CatalogFacts;
import io.melograph.interest.InterestModel;
import io.melograph.train.interest.InterestTrainer;
import io.melograph.train.interest.InterestVersions;
import io.melograph.train.interest.NowTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code melograph train interests}: a new version of the listener-interest model, promoted only when better. */
@Command(name = "interests", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the listener-interest model (MIND multi-interest or a single vector, with the knowledge-aware",
                "song tower over the catalog's song facts) on the songs listeners finished, liked, saved or shared in the",
                "home's event journal up to the start of a held-out window, and stores it as a new version in",
                "MELOGRAPH_HOME/models/interests/<version>/. It and the current version rank every song for each listener's",
                "next new song of the held-out window; it is promoted only when its HitRate@50 is higher. Once judged, the",
                "models are trained again on every event (held-out window included) and those are served. With them comes the",
                "short-term model (interest-now: self-attention over the latest plays and how each ended). A running service",
                "swaps a promoted version in within seconds (interest-1..K, interest-now); the journal is only read",
                "(the service's Kafka topic instead of the home's journal when MELOGRAPH_KAFKA_BOOTSTRAP names brokers)."})
final class TrainInterestsCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph = new GraphOptions();

    @Mixin
    TrainingWindow window = new TrainingWindow();

    @Option(names = "--kind", defaultValue = "mind", paramLabel = "KIND",
            description = "mind (several interests per listener) or single (one vector) (default ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--no-graph", description = "An id-only song tower (no catalog facts): the baseline the graph has to beat.")
    boolean noGraph;

    @Option(names = "--no-refit", description = {"Serve the models as judged, trained before the held-out window only (default: once",
            "judged, both are trained again on every event, the held-out window included, and that is what is served)."})
    boolean noRefit;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training examples (default 10).")
    Integer epochs;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TrainingWindow.Parsed w = window.parse(spec);
        InterestModel.Kind k = switch (kind.toLowerCase(Locale.ROOT)) {
            case "mind" -> InterestModel.Kind.MIND;
            case "single" -> InterestModel.Kind.SINGLE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--kind: mind or single, not '" + kind + "'");
        };
        if (epochs != null && epochs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--epochs: at least 1");
        }
        InterestTrainer.Settings settings = InterestTrainer.Settings.defaults(k, !noGraph);
        NowTrainer.Settings nowSettings = NowTrainer.Settings.defaults();
        if (epochs != null) {
            settings = settings.withEpochs(epochs);
            nowSettings = nowSettings.withEpochs(epochs);
        }
        GraphSettings gs = graph.settings();
        try (GraphConnection connection = GraphConnection.open(gs)) {
            InterestVersions.Trained t = InterestVersions.train(new ModelRegistry(gs.shared()), graph.history(),
                    CatalogFacts.read(connection), settings, nowSettings, w.from(), w.to(), w.holdout(), !noRefit, seed, Instant.now());
            TrainingWindow.print(t.card(), t.promoted());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
