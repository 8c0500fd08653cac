package io.melograph.graph;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one way the application reaches the graph: a Neo4j Java Driver, pointed at the external server named by
 * {@code NEO4J_URI}, at a running Melograph's embedded Neo4j, or at an embedded Neo4j this connection starts.
 */
public final class GraphConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GraphConnection.class);

    private final Driver driver;
    private final EmbeddedNeo4j embedded;
    private final String description;

    private GraphConnection(Driver driver, EmbeddedNeo4j embedded, String description) {
        this.driver = driver;
        this.embedded = embedded;
        this.description = description;
    }

    /**
     * Opens the graph for a command: the configured server, else the service already running on this home,
     * else an embedded Neo4j of our own.
     */
    public static GraphConnection open(GraphSettings settings) {
        if (settings.external()) {
            return connect(URI.create(settings.uri()), authFor(settings), null, "Neo4j at " + settings.uri());
        }
        Optional<URI> running = RunFile.liveBolt(settings.home());
        if (running.isPresent()) {
            return connect(running.get(), EmbeddedPassword.auth(settings.home()), null,
                    "the running Melograph's Neo4j at " + running.get() + " (store " + settings.home() + ")");
        }
        return embedded(settings);
    }

    /** Opens the graph for the service: the configured server, else an embedded Neo4j it owns. */
    public static GraphConnection openForService(GraphSettings settings) {
        if (settings.external()) {
            return connect(URI.create(settings.uri()), authFor(settings), null, "Neo4j at " + settings.uri());
        }
        return embedded(settings);
    }

    private static GraphConnection embedded(GraphSettings settings) {
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(settings);
        String description = "embedded Neo4j in " + settings.home();
        try {
            try {
                return connect(neo4j.boltUri(), neo4j.auth(), neo4j, description);
            } catch (GraphUnavailableException e) {
                if (!(e.getCause() instanceof AuthenticationException)) {
                    throw e;
                }
                // the password was changed elsewhere (Neo4j Browser): the home's file is the one that counts
                LOG.warn("The embedded Neo4j refused the password in {}; setting it again", EmbeddedPassword.file(settings.home()));
                neo4j.restorePassword();
                return connect(neo4j.boltUri(), neo4j.auth(), neo4j, description);
            }
        } catch (RuntimeException e) {
            neo4j.close();
            throw e;
        }
    }

    private static AuthToken authFor(GraphSettings s) {
        return s.password() == null ? AuthTokens.none() : AuthTokens.basic(s.user(), s.password());
    }

    private static GraphConnection connect(URI uri, AuthToken auth, EmbeddedNeo4j embedded, String description) {
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
        LOG.info("Connected to {}", description);
        return new GraphConnection(driver, embedded, description);
    }

    public Driver driver() {
        return driver;
    }

    public Session session() {
        return driver.session();
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
