package io.melograph.cli;

import io.melograph.graph.GraphSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every graph command shares; the rest comes from the environment (docs/configuration.md). */
final class GraphOptions {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Melograph's data folder with the embedded store (default: $MELOGRAPH_HOME or ./data). "
                    + "Ignored when NEO4J_URI names a server.")
    Path home;

    GraphSettings settings() {
        GraphSettings s = GraphSettings.fromEnvironment();
        return home == null ? s : s.withHome(home);
    }
}
