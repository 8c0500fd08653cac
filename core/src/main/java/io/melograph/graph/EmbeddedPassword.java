package io.melograph.graph;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded Neo4j's password: generated on a home's first start, kept in {@code MELOGRAPH_HOME/neo4j-password}
 * (readable by its owner only), set on the DBMS at every start and used by our own driver and commands. With it,
 * a web page on the curator's machine can reach the loopback ports but cannot run Cypher.
 */
public final class EmbeddedPassword {
    public static final String USER = "neo4j";
    static final String FILE = "neo4j-password";

    private EmbeddedPassword() {}

    public static Path file(Path home) {
        return home.resolve(FILE);
    }

    /** The home's password, if it has one. */
    public static Optional<String> read(Path home) {
        Path file = file(home);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter(p -> !p.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Bolt credentials for a home's embedded Neo4j. */
    public static AuthToken auth(Path home) {
        return read(home).map(p -> AuthTokens.basic(USER, p)).orElse(AuthTokens.none());
    }

    /** The home's password, generated and stored when it has none; {@code created} tells which. */
    record Stored(String password, boolean created) {}

    static Stored readOrCreate(Path home) {
        Optional<String> existing = read(home);
        if (existing.isPresent()) {
            return new Stored(existing.get(), false);
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path file = file(home);
        try {
            Path tmp = Files.createTempFile(home, FILE, ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions protect it
            }
            Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new Stored(password, true);
    }

    /** Sets the user's password on the DBMS (the embedded API needs none); the same password again is no change. */
    static void apply(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }
}
