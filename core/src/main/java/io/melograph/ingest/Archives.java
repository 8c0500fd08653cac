package io.melograph.ingest;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Unpacks uploaded .zip / .tar / .tar.gz archives, refusing paths that escape the target and oversized content. */
public final class Archives {
    private Archives() {}

    public static boolean isArchive(String fileName) {
        String n = fileName.toLowerCase();
        return n.endsWith(".zip") || n.endsWith(".tar") || n.endsWith(".tar.gz") || n.endsWith(".tgz");
    }

    /** Extracts into {@code dir}; returns the files written. */
    public static List<Path> extract(Path archive, Path dir, long maxBytes) throws IOException {
        String n = archive.getFileName().toString().toLowerCase();
        List<Path> out = new ArrayList<>();
        long total = 0;
        try (InputStream raw = Files.newInputStream(archive);
             ArchiveInputStream<? extends ArchiveEntry> in = n.endsWith(".zip") ? new ZipArchiveInputStream(raw)
                     : new TarArchiveInputStream(n.endsWith(".tar") ? raw : new GZIPInputStream(raw))) {
            Path root = dir.toAbsolutePath().normalize();
            for (ArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("archive entry escapes the upload folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream os = Files.newOutputStream(target)) {
                    byte[] buf = new byte[1 << 16];
                    for (int r = in.read(buf); r > 0; r = in.read(buf)) {
                        total += r;
                        if (total > maxBytes) {
                            throw new IOException("archive unpacks to more than " + maxBytes + " bytes");
                        }
                        os.write(buf, 0, r);
                    }
                }
                out.add(target);
            }
        }
        return out;
    }
}
