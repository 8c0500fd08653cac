package io.melograph.graph;

import io.melograph.util.ClasspathDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code cypher/schema/V<n>__<name>.cypher} in version order, once each, and records every applied file as a
 * {@code (:Migration {version, name, checksum, appliedAt})} node. Statements take the parameter
 * {@code $embeddingDimensions}. Safe to run at every start and from several processes (statements are IF NOT EXISTS).
 */
public final class SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final Pattern FILE = Pattern.compile("V(\\d+)__(\\w+)\\.cypher");
    /** The vector indexes over {@code embedding}, all of dimension MELOGRAPH_EMBEDDING_DIM. */
    static final List<String> VECTOR_INDEXES = List.of("song_embedding", "artist_embedding");

    public record Migration(int version, String name, String file) {}

    /** The migration files shipped with this build, in order. */
    public static List<Migration> available() {
        List<Migration> out = new ArrayList<>();
        for (String file : ClasspathDir.list("cypher/schema", ".cypher")) {
            Matcher m = FILE.matcher(file);
            if (!m.matches()) {
                throw new IllegalStateException("cypher/schema/" + file + " is not named V<number>__<name>.cypher");
            }
            out.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), file));
        }
        out.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return out;
    }

    /** Applies what is missing and returns the versions applied now. */
    public static List<Integer> apply(GraphConnection graph, int embeddingDimensions) {
        List<Integer> applied = new ArrayList<>();
        Map<String, Object> params = Map.of("embeddingDimensions", embeddingDimensions);
        try (Session session = graph.session()) {
            for (Migration m : available()) {
                CypherFile file = CypherFile.load("schema/" + m.file());
                String checksum = sha256(file.text());
                Optional<String> recorded = session.run("MATCH (m:Migration {version: $v}) RETURN m.checksum AS c",
                        Map.of("v", m.version())).list().stream().map(r -> r.get("c").asString(null)).findFirst();
                if (recorded.isPresent()) {
                    if (!checksum.equals(recorded.get())) {
                        LOG.warn("cypher/schema/{} changed after it was applied; migrations are append-only: add a new file",
                                m.file());
                    }
                    continue;
                }
                for (String statement : file.statements()) {
                    session.run(statement, params).consume();
                }
                session.run("MERGE (m:Migration {version: $v}) ON CREATE SET m.name = $name, m.checksum = $checksum, "
                        + "m.appliedAt = datetime()", Map.of("v", m.version(), "name", m.name(), "checksum", checksum)).consume();
                applied.add(m.version());
                LOG.info("Applied schema migration {}", m.file());
            }
            session.run("CALL db.awaitIndexes(300)").consume();
            for (String index : VECTOR_INDEXES) {
                ensureVectorDimensions(session, index, embeddingDimensions);
            }
        }
        return applied;
    }

    /**
     * A changed MELOGRAPH_EMBEDDING_DIM rebuilds a vector index: old vectors no longer fit it anyway. A missing one
     * (dropped by an interrupted {@code train embeddings --rebuild-indexes}) is created again; it comes online in the
     * background.
     */
    private static void ensureVectorDimensions(Session session, String index, int dimensions) {
        List<Record> rows = session.run("SHOW VECTOR INDEXES YIELD name, options WHERE name = $name RETURN options",
                Map.of("name", index)).list();
        if (rows.isEmpty()) {
            LOG.warn("Vector index {} is missing: creating it", index);
            create(session, index, dimensions);
            return;
        }
        Object current = rows.get(0).get("options").asMap().get("indexConfig") instanceof Map<?, ?> cfg
                ? cfg.get("vector.dimensions") : null;
        if (current instanceof Number n && n.intValue() != dimensions) {
            LOG.warn("Vector index {} has {} dimensions, configuration says {}: recreating it", index, n, dimensions);
            // the name is one of VECTOR_INDEXES, never input
            session.run("DROP INDEX " + index).consume();
            create(session, index, dimensions);
            session.run("CALL db.awaitIndexes(300)").consume();
        }
    }

    /** Runs the migrations' statements that create vector index {@code index} (IF NOT EXISTS). */
    private static void create(Session session, String index, int dimensions) {
        for (Migration m : available()) {
            CypherFile file = CypherFile.load("schema/" + m.file());
            for (String s : file.statements()) {
                if (s.contains("INDEX " + index + " ")) {
                    session.run(s, Map.of("embeddingDimensions", dimensions)).consume();
                }
            }
        }
    }

    /**
     * Drops the vector indexes: writing embeddings of a large catalog and building the indexes afterwards
     * ({@link #createVectorIndexes}) is several times faster than updating them write by write.
     */
    public static void dropVectorIndexes(GraphConnection graph) {
        try (Session session = graph.session()) {
            for (String index : VECTOR_INDEXES) {
                session.run("DROP INDEX " + index + " IF EXISTS").consume();
            }
        }
    }

    /** Creates the missing vector indexes and waits until they are online (up to {@code waitSeconds}). */
    public static void createVectorIndexes(GraphConnection graph, int dimensions, long waitSeconds) {
        try (Session session = graph.session()) {
            for (String index : VECTOR_INDEXES) {
                create(session, index, dimensions);
            }
            for (String index : VECTOR_INDEXES) {
                session.run("CALL db.awaitIndex($name, $seconds)", Map.of("name", index, "seconds", waitSeconds)).consume();
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
