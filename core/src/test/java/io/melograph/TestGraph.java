package io.melograph;

import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.graph.PluginProcedures;
import io.melograph.graph.SchemaMigrations;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One Neo4j test harness per test JVM, started with authentication on, shared by every test that needs a graph
 * (a harness costs ~6 s to start). Tests reach it the way the application reaches an external server: through
 * the driver with NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD settings.
 */
public final class TestGraph {
    public static final String USER = "melograph";
    public static final String PASSWORD = "test-password-1";
    private static Neo4j harness;
    private static GraphConnection connection;
    private static boolean plugins;

    private TestGraph() {}

    public static synchronized Neo4j harness() {
        if (harness == null) {
            harness = Neo4jBuilders.newInProcessBuilder()
                    .withDisabledServer()
                    .withConfig(GraphDatabaseSettings.auth_enabled, true)
                    .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .withConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                    .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
                    .withConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
                    .withConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*", "apoc.*"))
                    .build();
            harness.databaseManagementService().database("system").executeTransactionally(
                    "CREATE USER " + USER + " SET PASSWORD '" + PASSWORD + "' CHANGE NOT REQUIRED");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (connection != null) {
                    connection.close();
                }
                harness.close();
            }));
        }
        return harness;
    }

    /**
     * Registers the GDS and APOC procedures with the harness, as a Neo4j server with those plugins has them (costs a
     * class path scan, so only tests that need them call it).
     */
    public static synchronized void withPlugins() {
        if (!plugins) {
            PluginProcedures.register(harness().databaseManagementService());
            plugins = true;
        }
    }

    /**
     * The harness's address for a routing driver ({@code neo4j://}), as a cluster is reached: it asks the server for
     * its routing table and sends reads and writes where that says (here both to the one server).
     */
    public static String routingUri() {
        return "neo4j://" + harness().boltURI().getAuthority();
    }

    /** Settings that point at the harness as an external, authenticated server, reached through routing. */
    public static GraphSettings settings() {
        try {
            return GraphSettings.from(k -> null)
                    .withHome(Files.createTempDirectory("melograph-test"))
                    .withServer(routingUri(), USER, PASSWORD);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A shared connection to the harness with the schema applied; callers clear what they wrote. */
    public static synchronized GraphConnection connection() {
        if (connection == null) {
            connection = GraphConnection.open(settings());
            SchemaMigrations.apply(connection, 16);
        }
        return connection;
    }

    /** Removes all data but the applied migrations. */
    public static void clear() {
        try (Session s = connection().session()) {
            s.run("MATCH (n) WHERE NOT n:Migration CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
    }

    public static Path shared(String relative) {
        return Path.of(System.getProperty("melograph.shared", "../shared")).resolve(relative);
    }
}
