package io.melograph.graph;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.io.ByteUnit;
import org.neo4j.server.configuration.ConfigurableServerModules;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Neo4j 5.26 inside our JVM, reachable only through Bolt on 127.0.0.1 (and Neo4j Browser over HTTP), so the
 * application uses the same driver code as against an external server. GDS and APOC load from the classpath.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService dbms;
    /** The home's stored password: what Bolt logins use, and what {@link #restorePassword} sets again. */
    private final String password;
    private final RunFile runFile;
    private final URI boltUri;
    private final URI browserUri;

    private EmbeddedNeo4j(DatabaseManagementService dbms, String password, RunFile runFile, URI boltUri, URI browserUri) {
        this.dbms = dbms;
        this.password = password;
        this.runFile = runFile;
        this.boltUri = boltUri;
        this.browserUri = browserUri;
    }

    /**
     * GDS sizes its structures with JOL, whose first use attaches the HotSpot Serviceability Agent to this JVM from a
     * child process: the JVM stops (ptrace) until it is done, minutes on a busy machine. Call before GDS runs.
     */
    static void skipJolAttach() {
        System.setProperty("jol.skipHotspotSAAttach", System.getProperty("jol.skipHotspotSAAttach", "true"));
    }

    /** Starts the DBMS with its store in {@code settings.home()/neo4j}. A port of 0 disables HTTP / picks a free Bolt port. */
    public static EmbeddedNeo4j start(GraphSettings settings) {
        skipJolAttach();
        Path home = settings.home();
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create MELOGRAPH_HOME " + home, e);
        }
        int boltPort = settings.boltPort() == 0 ? FreePort.find() : settings.boltPort();
        boolean http = settings.httpPort() > 0;
        long started = System.nanoTime();
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home.resolve("neo4j"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                // what Neo4j Browser is told to connect to (its discovery answer): the port really in use
                .setConfig(BoltConnector.advertised_address, new SocketAddress("localhost", boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Micronaut brings Netty 4.2, whose local channel Neo4j 5.26's Bolt server cannot use
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                // without these, shutdown waits 10 s for idle Bolt threads
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(HttpConnector.enabled, http)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*", "apoc.*"))
                // loopback is no protection from the web pages a curator has open: authentication on (EmbeddedPassword),
                // and no cross-origin reads of the HTTP API (Neo4j answers with this fixed origin, not the caller's)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(ServerSettings.http_access_control_allow_origin, "http://127.0.0.1:" + Math.max(settings.httpPort(), 0))
                // the HTTP port serves Neo4j Browser only (which talks Bolt): no Cypher over HTTP for a page to reach,
                // whatever Host it was rebound to (Neo4j has no Host check)
                .setConfig(ServerSettings.http_enabled_modules, Set.of(ConfigurableServerModules.BROWSER))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(settings.pageCache()))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "256M size")
                // a start after a crash replays the transactions since the last checkpoint (every 15 minutes by
                // default: a whole import and aggregation catch-up, 8+ s); a checkpoint a minute bounds that
                .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(1))
                .setConfig(ServerSettings.browser_remote_content_hostname_whitelist,
                        "guides.neo4j.com,localhost,127.0.0.1," + URI.create(settings.serviceUrl()).getHost())
                .setConfig(ServerSettings.browser_post_connect_cmd, "play " + settings.serviceUrl() + "/guide/melograph.html");
        if (http) {
            builder.setConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", settings.httpPort()));
        }
        DatabaseManagementService dbms;
        try {
            dbms = builder.build();
        } catch (RuntimeException e) {
            throw new GraphUnavailableException("could not start the embedded Neo4j in " + home.resolve("neo4j")
                    + " (is another Melograph using this MELOGRAPH_HOME? then set NEO4J_URI to its Bolt address): "
                    + rootMessage(e), e);
        }
        PluginProcedures.register(dbms);
        EmbeddedPassword.Stored password = EmbeddedPassword.readOrCreate(home);
        if (password.created()) {
            // later starts skip this (a cold system-database query costs seconds of every restart): the DBMS keeps the
            // password, and GraphConnection sets it again only if the stored one is refused (changed elsewhere)
            EmbeddedPassword.apply(dbms, password.password());
        }
        URI bolt = URI.create("bolt://127.0.0.1:" + boltPort);
        URI browser = http ? URI.create("http://127.0.0.1:" + settings.httpPort() + "/browser/") : null;
        RunFile runFile = RunFile.write(home, RunFile.NEO4J, bolt);
        LOG.info("Embedded Neo4j started in {} ms: store {}, Bolt {}, Browser {}", (System.nanoTime() - started) / 1_000_000,
                home.resolve("neo4j"), bolt, browser == null ? "off" : browser);
        if (password.created()) {
            // shown once, for Neo4j Browser; our own driver and commands read it from the file
            LOG.warn("Neo4j Browser and Bolt login: user '{}', password '{}' (kept in {})", EmbeddedPassword.USER,
                    password.password(), EmbeddedPassword.file(home));
        } else {
            LOG.info("Neo4j Browser and Bolt login: user '{}', password in {}", EmbeddedPassword.USER, EmbeddedPassword.file(home));
        }
        return new EmbeddedNeo4j(dbms, password.password(), runFile, bolt, browser);
    }

    /** Sets the home's stored password on the DBMS again (it was changed elsewhere, e.g. in Neo4j Browser). */
    void restorePassword() {
        EmbeddedPassword.apply(dbms, password);
    }

    public URI boltUri() {
        return boltUri;
    }

    /** Bolt credentials of this DBMS. */
    public AuthToken auth() {
        return AuthTokens.basic(EmbeddedPassword.USER, password);
    }

    public URI browserUri() {
        return browserUri;
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        runFile.delete();
        dbms.shutdown();
        LOG.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
