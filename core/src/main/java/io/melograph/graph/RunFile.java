package io.melograph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A small file in {@code MELOGRAPH_HOME} naming a live process and an address it serves, so that a CLI command run
 * while the service is up talks to it instead of failing on its locks: {@code neo4j.run} (the Bolt address of the
 * process holding the embedded store) and {@code service.run} (the HTTP address of the running service, which owns
 * the event journal).
 */
public final class RunFile {
    public static final String NEO4J = "neo4j.run";
    public static final String SERVICE = "service.run";

    private final Path path;

    private RunFile(Path path) {
        this.path = path;
    }

    /** Records this process as serving {@code address}; {@link #delete()} on shutdown. */
    public static RunFile write(Path home, String name, URI address) {
        Path p = home.resolve(name);
        try {
            Files.createDirectories(home);
            Files.writeString(p, ProcessHandle.current().pid() + " " + address + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RunFile(p);
    }

    /** The address of another live process that wrote {@code name} in {@code home}, if any. */
    public static Optional<URI> live(Path home, String name) {
        Path p = home.resolve(name);
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

    /** The Bolt address of a live process that holds the store in {@code home}, if any. */
    public static Optional<URI> liveBolt(Path home) {
        return live(home, NEO4J);
    }

    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a stale run file is recognised by its dead pid
        }
    }
}
