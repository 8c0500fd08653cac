package io.melograph.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The graph: an external Neo4j server or cluster through the driver, or (uri unset, the full jar only) Neo4j embedded
 * in MELOGRAPH_HOME, reached through the same driver over Bolt; the service jar has no embedded Neo4j. The commands
 * read the same settings from the environment ({@code GraphSettings.from}) with these defaults.
 *
 * @param uri       the server or cluster ({@code neo4j://host:7687} routes reads and writes; {@code bolt://} one server);
 *                  unset: embedded (the full jar; the service jar does not start without it)
 * @param user      the user the driver logs in as
 * @param password  its password (the embedded database takes none)
 * @param database  the database every session uses; unset: the server's default database
 * @param boltPort  the embedded database's Bolt port on 127.0.0.1 (Neo4j Browser, cypher-shell); 0: any free port
 * @param httpPort  the embedded database's HTTP port for Neo4j Browser; 0: any free port
 * @param pagecache the embedded database's page cache
 */
@ConfigurationProperties("neo4j")
public record Neo4jProperties(@Nullable String uri,
                              @Bindable(defaultValue = Neo4jProperties.USER) String user,
                              @Nullable String password,
                              @Nullable String database,
                              @Bindable(defaultValue = Neo4jProperties.BOLT_PORT) int boltPort,
                              @Bindable(defaultValue = Neo4jProperties.HTTP_PORT) int httpPort,
                              @Bindable(defaultValue = Neo4jProperties.PAGECACHE) String pagecache) {
    public static final String USER = "neo4j";
    public static final String BOLT_PORT = "7687";
    public static final String HTTP_PORT = "7474";
    public static final String PAGECACHE = "512m";
}
