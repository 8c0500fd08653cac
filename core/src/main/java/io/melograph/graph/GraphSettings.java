package io.melograph.graph;

import io.melograph.config.Neo4jProperties;
import io.melograph.config.ServiceProperties;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the graph lives. With {@code uri} unset Melograph runs Neo4j embedded in {@code home}; with it set,
 * nothing is embedded and every read and write goes to that server. Both paths use the Neo4j Java Driver.
 *
 * @param database   the database every session uses ({@code NEO4J_DATABASE}); null: the server's default database
 * @param serviceUrl the HTTP service's own URL, allow-listed for Neo4j Browser guides
 * @param sharedDir  the folder the processes of a split deployment share ({@code MELOGRAPH_SHARED_DIR}); null: the home
 */
public record GraphSettings(Path home, String uri, String user, String password, String database, int boltPort, int httpPort,
                            int embeddingDimensions, String pageCache, String serviceUrl, Path sharedDir) {

    /** Reads the documented environment variables (docs/configuration.md) by their names ({@code NEO4J_URI}). */
    public static GraphSettings from(Function<String, String> env) {
        Function<String, Optional<String>> get = k -> Optional.ofNullable(env.apply(k)).filter(v -> !v.isBlank());
        return new GraphSettings(
                Path.of(get.apply("MELOGRAPH_HOME").orElse(ServiceProperties.HOME)).toAbsolutePath(),
                get.apply("NEO4J_URI").orElse(null),
                get.apply("NEO4J_USER").orElse(Neo4jProperties.USER),
                get.apply("NEO4J_PASSWORD").orElse(null),
                get.apply("NEO4J_DATABASE").orElse(null),
                Integer.parseInt(get.apply("NEO4J_BOLT_PORT").orElse(Neo4jProperties.BOLT_PORT)),
                Integer.parseInt(get.apply("NEO4J_HTTP_PORT").orElse(Neo4jProperties.HTTP_PORT)),
                Integer.parseInt(get.apply("MELOGRAPH_EMBEDDING_DIM").orElse(ServiceProperties.EMBEDDING_DIM)),
                get.apply("NEO4J_PAGECACHE").orElse(Neo4jProperties.PAGECACHE),
                "http://localhost:" + get.apply("MELOGRAPH_PORT").orElse(ServiceProperties.PORT),
                get.apply("MELOGRAPH_SHARED_DIR").map(d -> Path.of(d).toAbsolutePath()).orElse(null));
    }

    /** The service's settings as Micronaut bound them (the same keys and defaults as {@link #from}). */
    public static GraphSettings of(ServiceProperties service, Neo4jProperties neo4j) {
        Function<String, String> blankIsNull = v -> v == null || v.isBlank() ? null : v;
        return new GraphSettings(Path.of(service.home()).toAbsolutePath(), blankIsNull.apply(neo4j.uri()), neo4j.user(),
                blankIsNull.apply(neo4j.password()), blankIsNull.apply(neo4j.database()), neo4j.boltPort(), neo4j.httpPort(),
                service.embeddingDim(), neo4j.pagecache(), "http://localhost:" + service.port(),
                Optional.ofNullable(blankIsNull.apply(service.sharedDir())).map(d -> Path.of(d).toAbsolutePath()).orElse(null));
    }

    /** Environment variables, overridden by the matching system property (NEO4J_URI by -Dneo4j.uri), as in the service. */
    public static GraphSettings fromEnvironment() {
        return from(k -> setting(k).orElse(null));
    }

    /**
     * The environment variable {@code name} (NEO4J_BOLT_PORT), unless a matching system property says otherwise: the
     * setting's key (-Dneo4j.bolt-port, docs/configuration.md) or the name with dots (-Dneo4j.bolt.port), matched
     * the way Micronaut matches environment variables to keys in the service.
     */
    public static Optional<String> setting(String name) {
        return systemProperty(name.toLowerCase().split("_")).or(() -> Optional.ofNullable(System.getenv(name)));
    }

    /** The first system property set among the parts joined by '.' or '-' in every way (2^(parts-1) keys). */
    private static Optional<String> systemProperty(String[] parts) {
        int ways = 1 << (parts.length - 1);
        for (int way = 0; way < ways; way++) {
            StringBuilder key = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                key.append((way >> (i - 1) & 1) == 0 ? '.' : '-').append(parts[i]);
            }
            String value = System.getProperty(key.toString());
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * Where the model registry ({@code models/}), the neighbour store and Daily lists are: the shared folder of a split
     * deployment, or the home.
     */
    public Path shared() {
        return sharedDir != null ? sharedDir : home;
    }

    public boolean external() {
        return uri != null;
    }

    public GraphSettings withHome(Path newHome) {
        return new GraphSettings(newHome.toAbsolutePath(), uri, user, password, database, boltPort, httpPort, embeddingDimensions,
                pageCache, serviceUrl, sharedDir);
    }

    public GraphSettings withDatabase(String newDatabase) {
        return new GraphSettings(home, uri, user, password, newDatabase, boltPort, httpPort, embeddingDimensions, pageCache, serviceUrl, sharedDir);
    }

    public GraphSettings withPorts(int bolt, int http) {
        return new GraphSettings(home, uri, user, password, database, bolt, http, embeddingDimensions, pageCache, serviceUrl, sharedDir);
    }

    public GraphSettings withServer(String newUri, String newUser, String newPassword) {
        return new GraphSettings(home, newUri, newUser, newPassword, database, boltPort, httpPort, embeddingDimensions, pageCache,
                serviceUrl, sharedDir);
    }
}
