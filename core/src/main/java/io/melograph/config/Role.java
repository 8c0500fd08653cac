package io.melograph.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a service process does ({@code melograph.role}, {@code serve --role}). {@code all} is the one-command demo and a
 * single-machine deployment; {@code serve} and {@code worker} split one deployment over several processes that share
 * the events in Kafka, the graph in an external Neo4j and the folder {@code melograph.shared-dir}.
 */
public enum Role {
    /** Everything in one process: the HTTP API and the background work. */
    ALL,
    /**
     * The HTTP API: event intake into the log, listener state, recall, ranking (FTRL keeps learning from the log in
     * every serving process: its weights are read on every request), the scenes. No aggregation, no scheduled jobs.
     */
    SERVE,
    /**
     * No HTTP API: aggregation of the log into the graph (one worker at a time holds its lease; another stands by),
     * Daily lists ahead, neighbour-list updates and builds, retraining; what it makes goes to the shared folder.
     */
    WORKER;

    public static Role parse(String value) {
        String v = value == null ? "" : value.strip();
        return Arrays.stream(values()).filter(r -> r.key().equals(v.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("melograph.role must be one of "
                        + Arrays.stream(values()).map(Role::key).collect(Collectors.joining(", ")) + ", not '" + v + "'"));
    }

    /** The role {@code setting} names; unset or empty (docker-compose passes an unset variable as empty): {@code otherwise}. */
    public static Role of(Optional<String> setting, Role otherwise) {
        return setting.filter(v -> !v.isBlank()).map(Role::parse).orElse(otherwise);
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this process answers HTTP requests. */
    public boolean serves() {
        return this != WORKER;
    }

    /** Whether this process runs the background work: aggregation, Daily ahead, neighbour updates, retraining. */
    public boolean works() {
        return this != SERVE;
    }

    /**
     * A split role shares its state with other processes, so it needs what can be shared: the events in Kafka, an
     * external Neo4j (a file journal and an embedded store belong to one process) and a shared folder, where workers
     * put the models, neighbour lists and Daily lists that serving processes read.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    public void checkShared(boolean kafka, boolean externalGraph, boolean sharedDir) {
        if (this == ALL) {
            return;
        }
        if (!kafka) {
            throw new IllegalArgumentException("melograph.role=" + key() + " shares the events with other processes: set "
                    + "MELOGRAPH_KAFKA_BOOTSTRAP (the file journal belongs to one process; melograph.role=all uses it)");
        }
        if (!externalGraph) {
            throw new IllegalArgumentException("melograph.role=" + key() + " shares the graph with other processes: set "
                    + "NEO4J_URI (the embedded Neo4j belongs to one process; melograph.role=all uses it)");
        }
        if (!sharedDir) {
            throw new IllegalArgumentException("melograph.role=" + key() + " shares models, neighbour lists and Daily lists "
                    + "with other processes: set MELOGRAPH_SHARED_DIR to a folder they all mount");
        }
    }
}
