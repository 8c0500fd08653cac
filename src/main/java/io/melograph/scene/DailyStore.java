package io.melograph.scene;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Daily lists on disk ({@code MELOGRAPH_HOME/daily/<day>/<listener digest>-<size>.json}), so a listener's list stays
 * the same all day across restarts; days older than yesterday are deleted as new ones are written.
 */
public final class DailyStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public DailyStore(Path dir) {
        this.dir = dir;
    }

    public Optional<DailyList> get(String userId, LocalDate day, int size) {
        Path file = file(userId, day, size);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), DailyList.class));
        } catch (IOException e) {
            return Optional.empty(); // a damaged file is recomputed
        }
    }

    public void put(DailyList list, int size) {
        LocalDate day = LocalDate.parse(list.day());
        Path file = file(list.userId(), day, size);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp" + Thread.currentThread().getId());
            Files.write(tmp, JSON.writeValueAsBytes(list));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deleteOlderThan(day.minusDays(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteOlderThan(LocalDate keep) throws IOException {
        try (Stream<Path> days = Files.list(dir)) {
            for (Path d : days.toList()) {
                LocalDate day;
                try {
                    day = LocalDate.parse(d.getFileName().toString());
                } catch (RuntimeException e) {
                    continue;
                }
                if (day.isBefore(keep)) {
                    try (Stream<Path> files = Files.list(d)) {
                        for (Path f : files.toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(d);
                }
            }
        }
    }

    private Path file(String userId, LocalDate day, int size) {
        return dir.resolve(day.toString()).resolve(digest(userId) + "-" + size + ".json");
    }

    /** Listener ids are free text: a digest makes a safe file name. */
    private static String digest(String userId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
