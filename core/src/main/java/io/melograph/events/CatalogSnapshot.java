package io.melograph.events;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The file form of an {@link ItemCatalog} load ({@code MELOGRAPH_HOME/catalog/items.bin}), written atomically. */
final class CatalogSnapshot {
    private static final int MAGIC = 0x4d474943; // "MGIC"
    private static final int VERSION = 1;

    /** One load: item ids by type, each song's facts, and the graph's item counts and catalog version it was taken at. */
    record Content(Map<ItemType, Set<String>> known, Map<String, ItemCatalog.SongFacts> songs, List<Long> counts) {}

    private CatalogSnapshot() {}

    static Content read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException(file + " is not a catalog snapshot of this version");
            }
            List<Long> counts = readList(in, DataInputStream::readLong);
            Map<ItemType, Set<String>> known = new EnumMap<>(ItemType.class);
            for (ItemType t : ItemType.values()) {
                known.put(t, new HashSet<>(readList(in, CatalogSnapshot::readString)));
            }
            int n = in.readInt();
            Map<String, ItemCatalog.SongFacts> songs = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                songs.put(readString(in), new ItemCatalog.SongFacts(readString(in), readList(in, CatalogSnapshot::readString),
                        readList(in, CatalogSnapshot::readString), readList(in, CatalogSnapshot::readString)));
            }
            return new Content(known, songs, counts);
        }
    }

    /** Written to a temporary file and renamed over {@code file}: a reader sees the old snapshot or the new one. */
    static void write(Path file, Content c) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeList(out, c.counts(), DataOutputStream::writeLong);
            for (ItemType t : ItemType.values()) {
                writeList(out, List.copyOf(c.known().getOrDefault(t, Set.of())), CatalogSnapshot::writeString);
            }
            out.writeInt(c.songs().size());
            for (Map.Entry<String, ItemCatalog.SongFacts> e : c.songs().entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue().title());
                writeList(out, e.getValue().artistIds(), CatalogSnapshot::writeString);
                writeList(out, e.getValue().artistNames(), CatalogSnapshot::writeString);
                writeList(out, e.getValue().genres(), CatalogSnapshot::writeString);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    /** Length-prefixed UTF-8 (writeUTF stops at 64 KB, and catalog fields may be longer). */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static <T> List<T> readList(DataInputStream in, Reader<T> reader) throws IOException {
        int n = in.readInt();
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(reader.read(in));
        }
        return out;
    }

    private static <T> void writeList(DataOutputStream out, List<T> values, Writer<T> writer) throws IOException {
        out.writeInt(values.size());
        for (T v : values) {
            writer.write(out, v);
        }
    }
}
