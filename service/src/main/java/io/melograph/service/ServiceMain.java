package io.melograph.service;

import io.melograph.app.Application;
import io.melograph.app.ProcessSetup;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;

/**
 * The service without the tools (no CLI, evaluation, benchmarks, simulator or demo community) and without an embedded
 * Neo4j: starts in the role {@code MELOGRAPH_ROLE} names (all, serve or worker) on the external Neo4j {@code NEO4J_URI}
 * names, the entry point of the lean service image. Every setting comes from the environment, as for
 * {@code melograph serve} of the full jar, which is the one-command demo on an embedded Neo4j.
 */
public final class ServiceMain {
    private ServiceMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            fail("the service takes no arguments (got " + String.join(" ", args) + "); it is set by the environment: "
                    + "MELOGRAPH_ROLE=all|serve|worker, MELOGRAPH_HOME, NEO4J_URI, ... (docs/configuration.md)");
        }
        if (!GraphSettings.fromEnvironment().external()) {
            fail(GraphConnection.NO_EMBEDDED_NEO4J); // before the context starts: one line, not a bean's stack trace
        }
        ProcessSetup.logging();
        Application.run();
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }
}
