package io.melograph.scene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.melograph.util.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Daily lists on disk ({@code MELOGRAPH_HOME/daily/<day>/<listener digest>-<size>.json}), so a listener's list stays
 * the same all day across restarts; days older than yesterday are deleted as new ones are written. The lists of the
 * newest days are also held in memory, up to a bound, so that serving a stored list costs no file read.
 */
public final class DailyStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;
    private final int inMemory;
    /** Lists by day, then by listener and size; days before yesterday are dropped as new days come. */
    private final ConcurrentSkipListMap<LocalDate, ConcurrentHashMap<String, DailyList>> memory = new ConcurrentSkipListMap<>();
    private final AtomicInteger held = new AtomicInteger();

    /** @param inMemory how many lists to hold in memory at most (the rest are read from disk) */
    public DailyStore(Path dir, int inMemory) {
        this.dir = dir;
        this.inMemory = inMemory;
    }

    public Optional<DailyList> get(String userId, LocalDate day, int size) {
        ConcurrentHashMap<String, DailyList> ofDay = memory.get(day);
        DailyList kept = ofDay == null ? null : ofDay.get(key(userId, size));
        if (kept != null) {
            return Optional.of(kept);
        }
        Path file = file(userId, day, size);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            DailyList list = read(file);
            remember(list, day, size);
            return Optional.of(list);
        } catch (IOException e) {
            return Optional.empty(); // a damaged file is recomputed
        }
    }

    private static DailyList read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), DailyList.class);
    }

    /** Whether the listener's list of that day is stored (in memory or on disk). */
    public boolean has(String userId, LocalDate day, int size) {
        ConcurrentHashMap<String, DailyList> ofDay = memory.get(day);
        return (ofDay != null && ofDay.containsKey(key(userId, size))) || Files.exists(file(userId, day, size));
    }

    /**
     * Keeps {@code list} as the listener's list of its day, unless one is kept already — by another serving process
     * sharing this folder that computed the same day at the same moment: then that one is the day's list, and returned,
     * so every process answers the listener with the same list.
     *
     * @return the day's list: {@code list}, or the one kept first
     */
    public DailyList putIfAbsent(DailyList list, int size) {
        LocalDate day = LocalDate.parse(list.day());
        Path file = file(list.userId(), day, size);
        try {
            byte[] bytes = JSON.writeValueAsBytes(list);
            DailyList kept = list;
            if (!AtomicFiles.writeIfAbsent(file, bytes)) {
                try {
                    kept = read(file);
                } catch (JsonProcessingException damaged) {
                    AtomicFiles.write(file, bytes); // not a list: replaced, and whatever is there now is the day's list
                    kept = read(file);
                }
            }
            remember(kept, day, size);
            deleteOlderThan(day.minusDays(1));
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void remember(DailyList list, LocalDate day, int size) {
        for (LocalDate old : memory.headMap(day.minusDays(1)).keySet()) {
            ConcurrentHashMap<String, DailyList> gone = memory.remove(old);
            if (gone != null) {
                held.addAndGet(-gone.size());
            }
        }
        if (held.get() >= inMemory) {
            return; // full: this one is read from disk when asked for
        }
        if (memory.computeIfAbsent(day, d -> new ConcurrentHashMap<>()).put(key(list.userId(), size), list) == null) {
            held.incrementAndGet();
        }
    }

    private static String key(String userId, int size) {
        return size + "\u0000" + userId;
    }

    /** Best effort: another process (or thread) may be deleting the same old day; the next list written tries again. */
    private void deleteOlderThan(LocalDate keep) {
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
        } catch (IOException | UncheckedIOException e) {
            // left for the next list written
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
