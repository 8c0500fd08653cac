package io.melograph.service;

import io.melograph.app.Application;
import io.melograph.app.ProcessSetup;

/**
 * The service without the tools (no CLI, evaluation, benchmarks, simulator or demo community): starts in the role
 * {@code MELOGRAPH_ROLE} names (all, serve or worker), the entry point of the lean service image. Every setting comes
 * from the environment, as for {@code melograph serve}, which is the demo: an empty embedded store gets the bundled
 * sample catalog here, never the simulated community.
 */
public final class ServiceMain {
    private ServiceMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            System.err.println("error: the service takes no arguments (got " + String.join(" ", args) + "); it is set by the "
                    + "environment: MELOGRAPH_ROLE=all|serve|worker, MELOGRAPH_HOME, NEO4J_URI, ... (docs/configuration.md)");
            System.exit(2);
        }
        ProcessSetup.logging();
        Application.run();
    }
}
