package io.melograph.cli;

import io.melograph.graph.GraphSettings;
import io.melograph.graph.RunFile;
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

    /** Whether a running Melograph uses the home, said on stderr: a command that changes its files must not run then. */
    boolean homeInUse() {
        Path dir = settings().home();
        if (RunFile.liveBolt(dir).isEmpty()) {
            return false;
        }
        System.err.println("error: a running Melograph uses " + dir + "; stop it first");
        return true;
    }
}
