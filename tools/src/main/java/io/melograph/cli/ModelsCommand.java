package io.melograph.cli;

import io.melograph.embeddings.EmbeddingVersions;
import io.melograph.embeddings.GraphEmbeddings;
import io.melograph.graph.GraphConnection;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code melograph models list | promote | rollback}: the model registry of the home. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"The trained models of the home (MELOGRAPH_HOME/models/<kind>/<version>/): list them, promote a",
                "version, roll back to the one before. Kinds: ftrl (the online ranker; a running service swaps the current",
                "version in within seconds), embeddings (graph embeddings; promoting writes the vectors to the graph),",
                "interests (the listener-interest models; a running service swaps the current version in within seconds),",
                "ranker (the deep ranker re-ranking FTRL's top candidates; swapped in within seconds)."})
final class ModelsCommand {
    @Command(name = "list", description = "Every version with its window, data hash, metrics and note; * marks the current one.")
    int list(@Mixin GraphOptions graph,
             @Parameters(paramLabel = "KIND", defaultValue = "ftrl", description = "Model kind (default ${DEFAULT-VALUE}).") String kind) {
        ModelRegistry registry = registry(graph);
        Optional<String> current = registry.current(kind);
        List<ModelCard> versions = registry.list(kind);
        for (ModelCard c : versions) {
            System.out.printf(Locale.ROOT, "%s %s  window %s .. %s  data %s%n", current.filter(c.version()::equals).isPresent() ? "*" : " ",
                    c.version(), c.windowFrom(), c.windowTo(), c.dataHash().substring(0, Math.min(12, c.dataHash().length())));
            System.out.printf(Locale.ROOT, "    %s%n", c.note());
            c.metricLines().forEach(line -> System.out.println("    " + line));
        }
        if (versions.isEmpty()) {
            System.out.println("no " + kind + " versions yet (melograph train " + kind + ")");
        }
        return 0;
    }

    @Command(name = "promote", description = {"Makes a version the current one (embeddings: its vectors are put on the nodes",
            "first, where vector recall serves them at once)."})
    int promote(@Mixin GraphOptions graph, @Parameters(paramLabel = "KIND") String kind,
                @Parameters(paramLabel = "VERSION") String version) {
        String reason = "promoted from the command line";
        try {
            if (kind.equals(EmbeddingVersions.KIND)) {
                try (GraphConnection connection = GraphConnection.open(graph.settings())) {
                    printLoaded(EmbeddingVersions.promote(registry(graph), connection, version, reason, false));
                }
                System.out.println(kind + " " + version + " is current");
                return 0;
            }
            registry(graph).promote(kind, version, reason);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        System.out.println(kind + " " + version + " is current; a running service swaps it in within seconds");
        return 0;
    }

    @Command(name = "rollback", description = "Goes back to the version that was current before this one.")
    int rollback(@Mixin GraphOptions graph, @Parameters(paramLabel = "KIND") String kind) {
        String reason = "rolled back from the command line";
        if (kind.equals(EmbeddingVersions.KIND)) {
            ModelRegistry registry = registry(graph);
            try (GraphConnection connection = GraphConnection.open(graph.settings())) {
                return EmbeddingVersions.rollback(registry, connection, reason).map(loaded -> {
                    printLoaded(loaded);
                    System.out.println(kind + " " + registry.current(kind).orElseThrow() + " is current again");
                    return 0;
                }).orElseGet(() -> nothingToRollBackTo(kind));
            }
        }
        return registry(graph).rollback(kind, reason).map(p -> {
            System.out.println(kind + " " + p.version() + " is current again; a running service swaps it in within seconds");
            return 0;
        }).orElseGet(() -> nothingToRollBackTo(kind));
    }

    private static int nothingToRollBackTo(String kind) {
        System.err.println("error: no earlier promoted " + kind + " version to roll back to");
        return 2;
    }

    private static void printLoaded(GraphEmbeddings.Loaded loaded) {
        System.out.printf(Locale.ROOT, "%,d vectors (%d dimensions) on the nodes, %,d of other versions removed, %,d new nodes "
                + "folded in, in %.1f s; vector recall serves them now%n", loaded.written(), loaded.dimensions(), loaded.removed(),
                loaded.foldedIn(), loaded.millis() / 1e3);
    }

    private static ModelRegistry registry(GraphOptions graph) {
        return new ModelRegistry(graph.settings().shared());
    }
}
