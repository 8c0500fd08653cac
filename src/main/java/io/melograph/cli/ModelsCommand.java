package io.melograph.cli;

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
                "version, roll back to the one before. A running service swaps the current version in within seconds."})
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

    @Command(name = "promote", description = "Makes a version the current one.")
    int promote(@Mixin GraphOptions graph, @Parameters(paramLabel = "KIND") String kind,
                @Parameters(paramLabel = "VERSION") String version) {
        try {
            registry(graph).promote(kind, version, "promoted from the command line");
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        System.out.println(kind + " " + version + " is current; a running service swaps it in within seconds");
        return 0;
    }

    @Command(name = "rollback", description = "Goes back to the version that was current before this one.")
    int rollback(@Mixin GraphOptions graph, @Parameters(paramLabel = "KIND") String kind) {
        return registry(graph).rollback(kind, "rolled back from the command line").map(p -> {
            System.out.println(kind + " " + p.version() + " is current again; a running service swaps it in within seconds");
            return 0;
        }).orElseGet(() -> {
            System.err.println("error: no earlier promoted " + kind + " version to roll back to");
            return 2;
        });
    }

    private static ModelRegistry registry(GraphOptions graph) {
        return new ModelRegistry(graph.settings().home());
    }
}
