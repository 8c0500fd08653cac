package io.melograph.cli;

import io.melograph.app.Application;
import io.melograph.config.Role;
import io.melograph.events.DemoSeed;
import io.melograph.sim.DemoCommunity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the service: the HTTP API (port $MELOGRAPH_PORT, default 8080) and the background work "
                + "(aggregation, Daily lists ahead, neighbour updates, retraining); --role serve|worker splits them over processes.",
                "Without NEO4J_URI it starts an embedded Neo4j in $MELOGRAPH_HOME (Bolt 127.0.0.1:$NEO4J_BOLT_PORT, "
                        + "Browser http://127.0.0.1:$NEO4J_HTTP_PORT/browser/) and imports the bundled sample into an empty store.",
                "The HTTP API listens on every interface unless $MELOGRAPH_BIND names one (e.g. 127.0.0.1)."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--home", paramLabel = "DIR", description = "Data folder (default: $MELOGRAPH_HOME or ./data).")
    Path home;

    @Option(names = "--role", paramLabel = "ROLE", description = "all (default: the HTTP API and the background work), "
            + "serve (the HTTP API only) or worker (aggregation, Daily lists ahead, neighbour updates, retraining; no HTTP); "
            + "serve and worker need MELOGRAPH_KAFKA_BOOTSTRAP and NEO4J_URI (default: $MELOGRAPH_ROLE or all).")
    String role;

    @Override
    public Integer call() throws InterruptedException {
        if (home != null) {
            System.setProperty("melograph.home", home.toAbsolutePath().toString());
        }
        if (role != null) {
            System.setProperty("melograph.role", Role.parse(role).key());
        }
        Application.run((DemoSeed) DemoCommunity::createIfFirstStart);
        return 0;
    }
}
