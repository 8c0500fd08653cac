package io.melograph.service;

import io.melograph.app.Application;
import io.melograph.app.ProcessSetup;
import io.melograph.config.Role;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.util.Classpath;

/**
 * The service without the tools (no CLI, evaluation, benchmarks, simulator or demo community) and without an embedded
 * Neo4j: starts in the role {@code MELOGRAPH_ROLE} names (all, serve or worker) on the external Neo4j {@code NEO4J_URI}
 * names, the entry point of the service and serving images. The serving jar has no worker (module serving), so it
 * starts in the serve role only, its default. Every setting comes from the environment, as for {@code melograph serve} of the full
 * jar, which is the one-command demo on an embedded Neo4j.
 */
public final class ServiceMain {
    private ServiceMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            fail("the service takes no arguments (got " + String.join(" ", args) + "); it is set by the environment: "
                    + "MELOGRAPH_ROLE=all|serve|worker, MELOGRAPH_HOME, NEO4J_URI, ... (docs/configuration.md)");
        }
        boolean worker = Classpath.has("io.melograph.worker.WorkerFactory"); // the serving jar leaves the worker out
        Role role;
        try {
            role = Role.of(GraphSettings.setting("MELOGRAPH_ROLE"), worker ? Role.ALL : Role.SERVE); // serving jar: serve
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        if (role.works() && !worker) {
            fail("this jar serves only (melograph-serving.jar: no worker, no training): set MELOGRAPH_ROLE=serve, and run "
                    + "the worker, or MELOGRAPH_ROLE=" + role.key() + ", from melograph-service.jar");
        }
        System.setProperty("melograph.role", role.key()); // the role chosen here, over an empty MELOGRAPH_ROLE
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
