package io.melograph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code MELOGRAPH_HOME/neo4j.run}: the Bolt address and pid of the process holding the embedded store, so that a
 * CLI command run while the service is up talks to it through Bolt instead of failing on the store lock.
 */
public final class RunFile {
    private final Path path;

    private RunFile(Path path) {
        this.path = path;
    }

    static RunFile write(Path home, URI bolt) {
        Path p = home.resolve("neo4j.run");
        try {
            Files.writeString(p, ProcessHandle.current().pid() + " " + bolt + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RunFile(p);
    }

    /** The Bolt address of a live process that holds the store in {@code home}, if any. */
    public static Optional<URI> liveBolt(Path home) {
        Path p = home.resolve("neo4j.run");
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(p, StandardCharsets.UTF_8).trim().split(" ");
            long pid = Long.parseLong(parts[0]);
            boolean alive = pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(URI.create(parts[1])) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a stale run file is recognised by its dead pid
        }
    }
}
