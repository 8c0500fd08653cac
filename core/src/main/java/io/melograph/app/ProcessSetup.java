package io.melograph.app;

/** What a process sets before anything logs; the CLI and the service jar call it alike. */
public final class ProcessSetup {
    private ProcessSetup() {}

    /** Neo4j ships its own SLF4J provider; ours (logback) must win so log levels apply. Before the first logger. */
    public static void logging() {
        System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
    }
}
