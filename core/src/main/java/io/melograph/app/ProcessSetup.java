package io.melograph.app;

/** What a process sets before anything logs or the HTTP server starts; the CLI and the service jar call it alike. */
public final class ProcessSetup {
    private ProcessSetup() {}

    /** Neo4j ships its own SLF4J provider; ours (logback) must win so log levels apply. Before the first logger. */
    public static void logging() {
        System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
    }

    /** {@code MELOGRAPH_BIND} (or {@code melograph.bind}) names the one interface the HTTP API listens on, e.g. 127.0.0.1. */
    public static void bindAddress() {
        String bind = System.getProperty("melograph.bind", System.getenv("MELOGRAPH_BIND"));
        if (bind != null && !bind.isBlank()) {
            System.setProperty("micronaut.server.host", bind.strip());
        }
    }
}
