package io.melograph.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The service process: where it keeps its data, where it listens, whether it is the demo. The commands read the same
 * settings from the environment ({@code GraphSettings.from}) with these defaults.
 *
 * @param home         the data folder: the embedded store ({@code neo4j/}), the event journal ({@code journal/}; with
 *                     Kafka the topic's event ids, {@code kafka-ids/}), uploads ({@code imports/}), models, the
 *                     neighbour store, Daily lists
 * @param port         the HTTP port
 * @param bind         the address the HTTP API listens on ({@code 127.0.0.1}: this machine only; the embedded Neo4j's
 *                     ports are always loopback only); unset: every interface
 * @param sample       the demo ({@code true} or {@code false}): the bundled sample imported into an empty store, the
 *                     simulated community in the file journal, its first models; unset: on only with the embedded Neo4j
 *                     and the file journal, so demo data never reaches a shared graph or log by accident
 * @param maxUpload    the largest request (catalog uploads to /admin/imports); larger gets 413; an uploaded archive may
 *                     unpack to 25 times its size, at most 16 times this
 * @param embeddingDim the dimension of graph embeddings and of the song and artist vector indexes (a change rebuilds the
 *                     indexes; run {@code melograph train embeddings} after)
 * @param role         what this process does: {@code all} (the HTTP API and the background work), {@code serve} (the HTTP
 *                     API only) or {@code worker} (aggregation, Daily lists ahead, neighbour updates, retraining; no
 *                     HTTP); {@code serve} and {@code worker} need Kafka, an external Neo4j and the shared folder
 *                     (README, "Serving instances and workers"); read before the configuration files: an environment
 *                     variable or -D, as the shared folder
 * @param sharedDir    the folder the processes of one deployment share (a network volume): the model registry
 *                     ({@code models/}), the neighbour store and its updates, Daily lists; what a worker makes there the
 *                     serving processes pick up; unset: MELOGRAPH_HOME (one process); the split roles need it
 */
@ConfigurationProperties("melograph")
public record ServiceProperties(@Bindable(defaultValue = ServiceProperties.HOME) String home,
                                @Bindable(defaultValue = ServiceProperties.PORT) int port,
                                @Nullable String bind,
                                @Nullable String sample,
                                @Bindable(defaultValue = "512MB") String maxUpload,
                                @Bindable(defaultValue = ServiceProperties.EMBEDDING_DIM) int embeddingDim,
                                @Bindable(defaultValue = "all") String role,
                                @Nullable String sharedDir) {
    public static final String HOME = "data";
    public static final String PORT = "8080";
    public static final String EMBEDDING_DIM = "64";

    public ServiceProperties {
        home = home == null || home.isBlank() ? HOME : home; // a blank variable is an unset one
        role = Role.of(java.util.Optional.ofNullable(role), Role.ALL).key(); // blank: unset, as MELOGRAPH_HOME
    }
}
