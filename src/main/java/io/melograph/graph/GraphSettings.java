package io.melograph.graph;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the graph lives. With {@code uri} unset Melograph runs Neo4j embedded in {@code home}; with it set,
 * nothing is embedded and every read and write goes to that server. Both paths use the Neo4j Java Driver.
 *
 * @param database   the database every session uses ({@code NEO4J_DATABASE}); null: the server's default database
 * @param serviceUrl the HTTP service's own URL, allow-listed for Neo4j Browser guides
 */
public record GraphSettings(Path home, String uri, String user, String password, String database, int boltPort, int httpPort,
                            int embeddingDimensions, String pageCache, String serviceUrl) {

    /** Reads the documented environment variables (README, "Configuration"). */
    public static GraphSettings from(Function<String, String> env) {
        Function<String, Optional<String>> get = k -> Optional.ofNullable(env.apply(k)).filter(v -> !v.isBlank());
        return new GraphSettings(
                Path.of(get.apply("MELOGRAPH_HOME").orElse("data")).toAbsolutePath(),
                get.apply("NEO4J_URI").orElse(null),
                get.apply("NEO4J_USER").orElse("neo4j"),
                get.apply("NEO4J_PASSWORD").orElse(null),
                get.apply("NEO4J_DATABASE").orElse(null),
                Integer.parseInt(get.apply("NEO4J_BOLT_PORT").orElse("7687")),
                Integer.parseInt(get.apply("NEO4J_HTTP_PORT").orElse("7474")),
                Integer.parseInt(get.apply("MELOGRAPH_EMBEDDING_DIM").orElse("64")),
                get.apply("NEO4J_PAGECACHE").orElse("512m"),
                "http://localhost:" + get.apply("MELOGRAPH_PORT").orElse("8080"));
    }

    /** Environment variables, overridden by the matching system property (NEO4J_URI by -Dneo4j.uri), as in the service. */
    public static GraphSettings fromEnvironment() {
        return from(k -> setting(k).orElse(null));
    }

    /** The environment variable {@code name} (MELOGRAPH_SAMPLE), unless the matching system property (-Dmelograph.sample) says otherwise. */
    public static Optional<String> setting(String name) {
        String property = System.getProperty(name.toLowerCase().replace('_', '.'));
        return Optional.ofNullable(property != null ? property : System.getenv(name));
    }

    public boolean external() {
        return uri != null;
    }

    public GraphSettings withHome(Path newHome) {
        return new GraphSettings(newHome.toAbsolutePath(), uri, user, password, database, boltPort, httpPort, embeddingDimensions,
                pageCache, serviceUrl);
    }

    public GraphSettings withDatabase(String newDatabase) {
        return new GraphSettings(home, uri, user, password, newDatabase, boltPort, httpPort, embeddingDimensions, pageCache, serviceUrl);
    }

    public GraphSettings withPorts(int bolt, int http) {
        return new GraphSettings(home, uri, user, password, database, bolt, http, embeddingDimensions, pageCache, serviceUrl);
    }

    public GraphSettings withServer(String newUri, String newUser, String newPassword) {
        return new GraphSettings(home, newUri, newUser, newPassword, database, boltPort, httpPort, embeddingDimensions, pageCache,
                serviceUrl);
    }
}
