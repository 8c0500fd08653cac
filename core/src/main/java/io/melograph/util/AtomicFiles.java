package io.melograph.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files written whole: to a temporary file beside them, then renamed over them (or linked in place of none), so a
 * reader sees old or new, never part of one.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** What a file is made of, written to its stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code file} (and creates its folder) with {@code bytes}. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /** Replaces {@code file} (and creates its folder) with what {@code content} writes: streamed, never whole in memory. */
    public static void write(Path file, Content content) throws IOException {
        Path tmp = temporaryBeside(file, content);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp); // only left when the move failed
        }
    }

    /**
     * Creates {@code file} with {@code bytes} unless it exists: of several processes writing the same file at once,
     * exactly one wins, and the others learn it (a hard link fails on an existing name; a rename would replace it).
     *
     * @return whether this call created the file
     */
    public static boolean writeIfAbsent(Path file, byte[] bytes) throws IOException {
        Path tmp = temporaryBeside(file, out -> out.write(bytes));
        try {
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException taken) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                // a volume without hard links (SMB, FUSE object stores): checked, then renamed — a narrow race is left
                Files.move(tmp, file);
            }
            return true;
        } catch (FileAlreadyExistsException taken) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@code content} in a new temporary file in {@code file}'s folder (created if missing). */
    private static Path temporaryBeside(Path file, Content content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(out);
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
