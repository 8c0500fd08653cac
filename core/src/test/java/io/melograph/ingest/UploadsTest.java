package io.melograph.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadsTest {
    @TempDir
    Path root;

    private Uploads uploads() {
        return new Uploads(root, 8L << 30, Duration.ofDays(7));
    }

    @Test
    void namesThatAreNoFileNamesAreRefusedAndLeaveNothing() throws Exception {
        byte[] csv = "id,name\n".getBytes(StandardCharsets.UTF_8);
        for (String bad : new String[] {"..", ".", "/", "", "a/..", "songs\0.csv", "x".repeat(256) + ".csv", "é".repeat(128) + ".csv", null}) {
            Uploads.RejectedUpload e = assertThrows(Uploads.RejectedUpload.class, () -> uploads().store(bad, new ByteArrayInputStream(csv)),
                    String.valueOf(bad));
            assertTrue(e.getMessage().contains("file name"), e.getMessage());
        }
        assertEquals(0, count(root), "nothing left on disk");
        // a browser's path is cut to its last segment
        Uploads.Stored stored = uploads().store("C:\\Users\\ed\\songs.csv", new ByteArrayInputStream(csv));
        assertEquals("songs.csv", stored.paths().get(0).getFileName().toString());
        assertTrue(stored.paths().get(0).startsWith(root));
    }

    @Test
    void anArchiveUnpacksToABoundedMultipleOfItsSizeAndAFailureLeavesNothing() throws Exception {
        // 200 MB of zeros compress to ~200 KB: far past 25 times the archive's size (and the 64 MB floor)
        byte[] bomb = zip("csv/songs.csv", 200L << 20);
        assertTrue(bomb.length < 1 << 20, bomb.length + " bytes");
        Uploads.RejectedUpload e = assertThrows(Uploads.RejectedUpload.class, () -> uploads().store("bomb.zip", new ByteArrayInputStream(bomb)));
        assertTrue(e.getMessage().contains("unpacks to more than"), e.getMessage());
        assertEquals(0, count(root), "the partial output and the archive are removed");

        Uploads.Stored ok = uploads().store("small.zip", new ByteArrayInputStream(zip("csv/songs.csv", 1000)));
        assertTrue(Files.exists(ok.dir().resolve("unpacked/csv/songs.csv")));
    }

    @Test
    void uploadsPastTheRetentionPeriodAreRemovedUnlessAJobReadsThem() throws Exception {
        byte[] csv = "id,name\n".getBytes(StandardCharsets.UTF_8);
        Uploads.Stored old = uploads().store("old.csv", new ByteArrayInputStream(csv));
        Uploads.Stored running = uploads().store("running.csv", new ByteArrayInputStream(csv));
        Uploads.Stored fresh = uploads().store("fresh.csv", new ByteArrayInputStream(csv));
        FileTime eightDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(8)));
        Files.setLastModifiedTime(old.dir(), eightDaysAgo);
        Files.setLastModifiedTime(running.dir(), eightDaysAgo);

        assertEquals(1, uploads().prune(Instant.now(), Set.copyOf(running.paths())));
        assertTrue(Files.notExists(old.dir()));
        assertTrue(Files.exists(running.dir()) && Files.exists(fresh.dir()));
    }

    private static byte[] zip(String name, long zeros) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            byte[] block = new byte[1 << 16];
            for (long left = zeros; left > 0; left -= block.length) {
                zip.write(block, 0, (int) Math.min(block.length, left));
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.count();
        }
    }
}
