package io.melograph.ingest;

import io.melograph.util.Folders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Editors' uploads on disk ({@code MELOGRAPH_HOME/imports/<uuid>/}): the file under a checked name, an archive
 * unpacked next to it within a size bound, nothing left behind when either fails, and uploads removed once they are
 * older than the retention period and no job is reading them.
 */
public final class Uploads {
    /** An archive may unpack to this many times its own size (CSV and RDF compress 5-20x), and never past the cap. */
    static final long UNPACK_RATIO = 25;
    static final long MIN_UNPACK_LIMIT = 64L << 20;
    static final int MAX_NAME_BYTES = 255;

    private final Path root;
    private final long maxUnpacked;
    private final Duration retention;

    /**
     * @param maxUnpacked the most any archive may unpack to (a multiple of the upload limit)
     * @param retention   how long an upload is kept after it was made
     */
    public Uploads(Path root, long maxUnpacked, Duration retention) {
        this.root = root;
        this.maxUnpacked = maxUnpacked;
        this.retention = retention;
    }

    /** Something wrong with what was sent (a 400), as opposed to a failure of ours. */
    public static final class RejectedUpload extends Exception {
        public RejectedUpload(String message) {
            super(message);
        }
    }

    /** A stored upload: its folder, and the files to import (the file, or the folder it unpacked to). */
    public record Stored(Path dir, List<Path> paths) {}

    /**
     * The file name an upload is stored under: the last segment of what the client sent (browsers may send a path),
     * refused when it is empty, {@code .} or {@code ..}, has control characters, or is longer than file systems take.
     */
    public static String fileName(String sent) throws RejectedUpload {
        String name = sent == null ? "" : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        if (name.isBlank()) {
            throw new RejectedUpload("the file part needs a file name (it tells the kind, e.g. songs.csv)");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new RejectedUpload("file name '" + name + "' is not a file name");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new RejectedUpload("file name contains control characters");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new RejectedUpload("file name longer than " + MAX_NAME_BYTES + " bytes");
        }
        return name;
    }

    /** Stores and (for an archive) unpacks an upload; on any failure nothing of it stays on disk. */
    public Stored store(String sentName, InputStream content) throws RejectedUpload, IOException {
        String name = fileName(sentName);
        Path dir = root.resolve(UUID.randomUUID().toString());
        Files.createDirectories(dir);
        try {
            Path file = dir.resolve(name);
            Files.copy(content, file);
            if (!Archives.isArchive(name)) {
                return new Stored(dir, List.of(file));
            }
            long limit = Math.min(maxUnpacked, Math.max(MIN_UNPACK_LIMIT, UNPACK_RATIO * Files.size(file)));
            Path unpacked = dir.resolve("unpacked");
            try {
                Archives.extract(file, unpacked, limit);
            } catch (IOException e) {
                throw new RejectedUpload("cannot unpack " + name + ": " + e.getMessage());
            }
            return new Stored(dir, List.of(unpacked));
        } catch (RejectedUpload | IOException | RuntimeException e) {
            Folders.delete(dir);
            throw e;
        }
    }

    /**
     * Removes uploads made longer than the retention period ago, except those under {@code inUse} (queued or
     * running jobs). Returns how many were removed.
     */
    public int prune(Instant now, Set<Path> inUse) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                FileTime made = Files.getLastModifiedTime(dir);
                boolean used = inUse.stream().anyMatch(p -> p.toAbsolutePath().startsWith(dir.toAbsolutePath()));
                if (!used && made.toInstant().plus(retention).isBefore(now)) {
                    Folders.delete(dir);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list uploads in " + root, e);
        }
        return removed;
    }
}
