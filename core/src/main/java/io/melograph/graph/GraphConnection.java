package io.melograph.graph;

import io.melograph.util.Classpath;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one way the application reaches the graph: a Neo4j Java Driver, pointed at the external server named by
 * {@code NEO4J_URI}, at a running Melograph's embedded Neo4j, or at an embedded Neo4j this connection starts.
 * Reads go through {@link #read} (read transactions, which a {@code neo4j://} routing driver sends to any member of a
 * cluster), writes through {@link #write} or {@link #session()} (the leader); all on the configured database, with
 * one bookmark manager so a read after this process's own write sees it even on a member that lags.
 */
public final class GraphConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GraphConnection.class);

    /** What to do in a jar without the embedded Neo4j (the service jar's roles run on an external one). */
    public static final String NO_EMBEDDED_NEO4J = "the service jar has no embedded Neo4j: set NEO4J_URI, NEO4J_USER and "
            + "NEO4J_PASSWORD to a Neo4j 5.26 server with the APOC and GDS plugins (docker-compose.yml runs one), or run the "
            + "one-command demo from the full jar: java -jar melograph.jar serve";

    private final Driver driver;
    private final EmbeddedNeo4j embedded;
    private final String description;
    private final SessionConfig writes;
    private final SessionConfig reads;
    private final SessionConfig readsWithoutBookmarks;

    private GraphConnection(Driver driver, EmbeddedNeo4j embedded, String description, String database) {
        this.driver = driver;
        this.embedded = embedded;
        this.description = description;
        BookmarkManager bookmarks = BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build());
        this.writes = config(database, AccessMode.WRITE).withBookmarkManager(bookmarks).build();
        this.reads = config(database, AccessMode.READ).withBookmarkManager(bookmarks).build();
        this.readsWithoutBookmarks = config(database, AccessMode.READ).build();
    }

    /** Sessions on {@code database} (null: the server's default) in {@code mode}. */
    private static SessionConfig.Builder config(String database, AccessMode mode) {
        SessionConfig.Builder b = SessionConfig.builder().withDefaultAccessMode(mode);
        return database == null ? b : b.withDatabase(database);
    }

    /**
     * Opens the graph for a command: the configured server, else the service already running on this home,
     * else an embedded Neo4j of our own.
     */
    public static GraphConnection open(GraphSettings settings) {
        if (settings.external()) {
            return connect(URI.create(settings.uri()), authFor(settings), null, "Neo4j at " + settings.uri(), settings.database());
        }
        Optional<URI> running = RunFile.liveBolt(settings.home());
        if (running.isPresent()) {
            return connect(running.get(), EmbeddedPassword.auth(settings.home()), null,
                    "the running Melograph's Neo4j at " + running.get() + " (store " + settings.home() + ")", settings.database());
        }
        return embedded(settings);
    }

    /** Opens the graph for the service: the configured server, else an embedded Neo4j it owns. */
    public static GraphConnection openForService(GraphSettings settings) {
        if (settings.external()) {
            return connect(URI.create(settings.uri()), authFor(settings), null, "Neo4j at " + settings.uri(), settings.database());
        }
        return embedded(settings);
    }

    private static GraphConnection embedded(GraphSettings settings) {
        if (!embeddedInThisJar()) {
            throw new GraphUnavailableException(NO_EMBEDDED_NEO4J, null);
        }
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings);
        String description = "embedded Neo4j in " + settings.home();
        try {
            try {
                return connect(neo4j.boltUri(), neo4j.auth(), neo4j, description, settings.database());
            } catch (GraphUnavailableException e) {
                if (!(e.getCause() instanceof AuthenticationException)) {
                    throw e;
                }
                // the password was changed elsewhere (Neo4j Browser): the home's file is the one that counts
                LOG.warn("The embedded Neo4j refused the password in {}; setting it again", EmbeddedPassword.file(settings.home()));
                neo4j.restorePassword();
                return connect(neo4j.boltUri(), neo4j.auth(), neo4j, description, settings.database());
            }
        } catch (RuntimeException e) {
            neo4j.close();
            throw e;
        }
    }

    /**
     * Whether the DBMS is on the classpath: the full jar carries it, the service jar does not (module embedded-neo4j).
     * Asked without touching {@link EmbeddedNeo4j}, whose linking would need it.
     */
    private static boolean embeddedInThisJar() {
        return Classpath.has("org.neo4j.dbms.api.DatabaseManagementServiceBuilder");
    }

    private static AuthToken authFor(GraphSettings s) {
        return s.password() == null ? AuthTokens.none() : AuthTokens.basic(s.user(), s.password());
    }

    private static GraphConnection connect(URI uri, AuthToken auth, EmbeddedNeo4j embedded, String description, String database) {
        Config config = Config.builder()
                .withLogging(Logging.slf4j())
                .withMaxConnectionPoolSize(64)
                .withConnectionAcquisitionTimeout(30, TimeUnit.SECONDS)
                .withConnectionTimeout(10, TimeUnit.SECONDS)
                .build();
        Driver driver = GraphDatabase.driver(uri, auth, config);
        try {
            driver.verifyConnectivity();
        } catch (RuntimeException e) {
            driver.close();
            throw new GraphUnavailableException("cannot reach " + description + ": " + e.getMessage(), e);
        }
        GraphConnection graph = new GraphConnection(driver, embedded, description, database);
        try {
            graph.read(tx -> tx.run("RETURN 1").consume());
        } catch (ClientException e) { // no such database (a FatalDiscoveryException), or not allowed to read it
            driver.close();
            throw new GraphUnavailableException("cannot use database " + (database == null ? "(the server's default)" : "'" + database + "'")
                    + " of " + description + " (NEO4J_DATABASE): " + e.getMessage(), e);
        }
        LOG.info("Connected to {}{}", description, database == null ? "" : ", database " + database);
        return graph;
    }

    public Driver driver() {
        return driver;
    }

    /** A session for writes and auto-commit statements (schema, {@code CALL { } IN TRANSACTIONS}, GDS procedures). */
    public Session session() {
        return driver.session(writes);
    }

    /**
     * A session whose statements are reads (routed to any cluster member; a write in it fails), run as they come and
     * never retried: for results streamed into collections (a retried transaction would add its rows twice), many
     * small reads in a row as a benchmark times them, or a read beside another session's writes.
     */
    public Session readSession() {
        return driver.session(reads);
    }

    /**
     * Runs {@code work} in a read transaction, in a session of its own; retried on transient errors (a cluster member
     * going away), so {@code work} must build what it returns afresh rather than add to what is outside it.
     */
    public <T> T read(TransactionCallback<T> work) {
        try (Session s = driver.session(reads)) {
            return s.executeRead(work);
        }
    }

    /** Runs {@code work} in a write transaction (retried on transient errors), in a session of its own. */
    public <T> T write(TransactionCallback<T> work) {
        try (Session s = driver.session(writes)) {
            return s.executeWrite(work);
        }
    }

    /**
     * The configuration of a read session that does not wait for this process's writes (recall's budgeted reads: a
     * member a little behind answers at once rather than late).
     */
    public SessionConfig readWithoutBookmarks() {
        return readsWithoutBookmarks; // asked for by every recall channel's read: built once
    }

    public String description() {
        return description;
    }

    /** The embedded DBMS, when this connection owns one. */
    public Optional<EmbeddedNeo4j> embedded() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        driver.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
