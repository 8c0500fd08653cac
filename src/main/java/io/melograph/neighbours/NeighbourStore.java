package io.melograph.neighbours;

import io.melograph.util.Folders;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Each song's materialized neighbours per item-level recall channel, under {@code MELOGRAPH_HOME/neighbours/}: one
 * {@code nodes.bin} (every node id, name and detail string the lists name, read into memory) and one
 * {@code <channel>.bin} per channel of primitive arrays, memory-mapped: per node the range of its entries; per entry
 * the candidate's node, its score, support, detail and where the middle of its path starts in a pool of node indexes
 * (the song and the candidate are the path's ends). Answering a song's neighbours reads a few array slots, no graph.
 * Written whole into a fresh folder that replaces the old one ({@link Writer}, which spools the lists to disk as they
 * come, so a million songs' lists need not fit in memory), so a reader sees an old or a new store.
 */
public final class NeighbourStore {
    static final String NODES = "nodes.bin";
    static final String SUFFIX = ".bin";
    private static final int MAGIC = 0x4D474E34; // "MGN4": ranges per node, columns mapped apart, when each seed's lists were computed

    /** One channel's mapped arrays. */
    private record Lists(IntBuffer ranges, IntBuffer candidates, DoubleBuffer scores, LongBuffer supports, IntBuffer details,
                         IntBuffer pathStarts, IntBuffer pool) {}

    private final String[] ids;
    private final String[] names;
    private final String[] types;
    /** Per node, when its lists were computed (epoch ms); 0 for nodes only named by lists. */
    private final long[] computedAt;
    private final Map<String, Integer> index;
    private final Map<String, Lists> channels;
    /** Per channel the songs whose list could not be computed (out of time): asked of the graph, not answered empty. */
    private final Map<String, Set<Integer>> missing;
    private final Instant builtAt;
    private final String embeddingsVersion;
    private final int songs;
    /** Lists computed since the build for some songs ({@link #withUpdates}): read before this store's own. */
    private final NeighbourStore updates;

    private NeighbourStore(String[] ids, Map<String, Integer> index, String[] names, String[] types, long[] computedAt,
                           Map<String, Lists> channels, Map<String, Set<Integer>> missing, Instant builtAt, String embeddingsVersion,
                           int songs, NeighbourStore updates) {
        this.index = index;
        this.computedAt = computedAt;
        this.updates = updates;
        this.missing = missing;
        this.ids = ids;
        this.names = names;
        this.types = types;
        this.channels = channels;
        this.builtAt = builtAt;
        this.embeddingsVersion = embeddingsVersion;
        this.songs = songs;
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(NODES));
    }

    /** The store in {@code dir}; fails when a file is missing or not a store's. */
    public static NeighbourStore open(Path dir) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(dir.resolve(NODES)), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(dir.resolve(NODES) + " is not a neighbour store");
            }
            Instant builtAt = Instant.ofEpochMilli(in.readLong());
            String embeddingsVersion = in.readUTF();
            int songs = in.readInt();
            int n = in.readInt();
            String[] ids = new String[n];
            Map<String, Integer> index = new HashMap<>(n * 2);
            String[] names = new String[n];
            String[] types = new String[n];
            long[] computedAt = new long[n];
            for (int i = 0; i < n; i++) {
                ids[i] = in.readUTF();
                index.put(ids[i], i);
                names[i] = in.readBoolean() ? in.readUTF() : null;
                types[i] = in.readUTF();
                computedAt[i] = in.readLong();
            }
            int channelCount = in.readInt();
            Map<String, Lists> channels = new LinkedHashMap<>();
            Map<String, Set<Integer>> missing = new HashMap<>();
            for (int c = 0; c < channelCount; c++) {
                String channel = in.readUTF();
                channels.put(channel, map(dir.resolve(channel + SUFFIX), n));
                Set<Integer> without = new java.util.HashSet<>();
                for (int m = in.readInt(); m > 0; m--) {
                    without.add(in.readInt());
                }
                missing.put(channel, without);
            }
            return new NeighbourStore(ids, index, names, types, computedAt, channels, missing, builtAt,
                    embeddingsVersion.isEmpty() ? null : embeddingsVersion, songs, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the neighbour store in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Lists map(Path file, int nodes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(16);
            ch.read(head, 0);
            head.flip();
            if (head.remaining() < 16 || head.getInt() != MAGIC) {
                throw new IOException(file + " is not a neighbour list file (or one of an older format: build the store again)");
            }
            long entries = head.getLong();
            long pool = head.getInt() & 0xFFFFFFFFL;
            long expected = fileBytes(nodes, entries, pool);
            if (ch.size() != expected) {
                throw new IOException(file + " holds " + ch.size() + " bytes, not the " + expected + " its header says (cut off?)");
            }
            // each column mapped on its own: a column stays under 2 GiB where the whole file need not
            long[] at = {16};
            IntBuffer ranges = column(ch, at, nodes * 8L).asIntBuffer();
            IntBuffer candidates = column(ch, at, entries * 4).asIntBuffer();
            DoubleBuffer scores = column(ch, at, entries * 8).asDoubleBuffer();
            LongBuffer supports = column(ch, at, entries * 8).asLongBuffer();
            IntBuffer details = column(ch, at, entries * 4).asIntBuffer();
            IntBuffer pathStarts = column(ch, at, (entries + 1) * 4).asIntBuffer();
            IntBuffer poolBuf = column(ch, at, pool * 4).asIntBuffer();
            return new Lists(ranges, candidates, scores, supports, details, pathStarts, poolBuf);
        }
    }

    /** A channel file's size: header, a range per node, per entry candidate, score, support, detail, path start; the pool. */
    static long fileBytes(long nodes, long entries, long pool) {
        return 16L + nodes * 8 + entries * (4L + 8 + 8 + 4) + (entries + 1L) * 4 + pool * 4L;
    }

    private static MappedByteBuffer column(FileChannel ch, long[] at, long bytes) throws IOException {
        MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, at[0], bytes); // stays mapped after the channel closes
        at[0] += bytes;
        return b;
    }

    /**
     * This store with lists computed since its build for some songs in some channels, which answer for those songs
     * in place of this store's (null: none). A list computed before the build began is older than it: not used (and
     * updates holding only such lists are left aside whole).
     */
    public NeighbourStore withUpdates(NeighbourStore newer) {
        NeighbourStore u = newer != null && newer.builtAt.isAfter(builtAt) ? newer : null;
        // the same arrays and index: laying updates over the store copies nothing
        return new NeighbourStore(ids, index, names, types, computedAt, channels, missing, builtAt, embeddingsVersion, songs, u);
    }

    /** The updates in use (see {@link #withUpdates}). */
    public Optional<NeighbourStore> updates() {
        return Optional.ofNullable(updates);
    }

    /** The songs (and artists, videos) whose lists in the channel this store holds. */
    public List<String> songsIn(String channel) {
        Lists l = channels.get(channel);
        List<String> out = new ArrayList<>();
        for (int i = 0; l != null && i < ids.length; i++) {
            if (listed(i) && !missing.get(channel).contains(i)) {
                out.add(ids[i]);
            }
        }
        return out;
    }

    public Set<String> channels() {
        return Collections.unmodifiableSet(channels.keySet());
    }

    /** When the lists were computed from the graph. */
    public Instant builtAt() {
        return builtAt;
    }

    /**
     * The graph-embeddings version whose vectors the vector channel's lists were computed from (none: no version was
     * promoted); once another is promoted, those lists are stale.
     */
    public Optional<String> embeddingsVersion() {
        return Optional.ofNullable(embeddingsVersion);
    }

    /** Songs the lists were computed for. */
    public int songs() {
        return songs;
    }

    /**
     * The song's stored neighbours in the channel, best first; empty when the channel is not stored, the song was
     * not in the catalog when the store was built, or its list could not be computed then (the caller asks the graph).
     */
    public Optional<List<Neighbour>> neighbours(String channel, String songId) { // or an artist's, a video's
        return entries(channel, songId).map(list -> {
            List<Neighbour> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(list.neighbour(i));
            }
            return out;
        });
    }

    /**
     * The seed's stored list in the channel read in place, without making a {@link Neighbour} of each entry: what a
     * merge of many seeds' lists reads, telling only its winners in full. Empty as for {@link #neighbours}.
     */
    public Optional<Entries> entries(String channel, String seedId) {
        // an update answers only if computed after this store began reading the graph
        Optional<Entries> updated = updates == null || updates.computedAt(seedId) <= builtAt.toEpochMilli() ? Optional.empty()
                : updates.entries(channel, seedId);
        if (updated.isPresent()) {
            return updated;
        }
        Lists l = channels.get(channel);
        Integer seed = index.get(seedId);
        if (l == null || seed == null || !listed(seed) || missing.get(channel).contains(seed)) {
            return Optional.empty();
        }
        return Optional.of(new Entries(l, seed, l.ranges().get(2 * seed), l.ranges().get(2 * seed + 1)));
    }

    /** One seed's list in one channel, in place in the mapped arrays, best first. */
    public final class Entries {
        private final Lists l;
        private final int seed;
        private final int from;
        private final int to;

        private Entries(Lists l, int seed, int from, int to) {
            this.l = l;
            this.seed = seed;
            this.from = from;
            this.to = to;
        }

        public int size() {
            return to - from;
        }

        /** The candidate's id. */
        public String id(int i) {
            return ids[l.candidates().get(from + i)];
        }

        public double score(int i) {
            return l.scores().get(from + i);
        }

        public long support(int i) {
            return l.supports().get(from + i);
        }

        /** The entry in full: candidate, score, path with names, support, detail. */
        public Neighbour neighbour(int i) {
            int e = from + i;
            int c = l.candidates().get(e);
            int p0 = l.pathStarts().get(e);
            int p1 = l.pathStarts().get(e + 1);
            List<String> path = new ArrayList<>(p1 - p0 + 2);
            List<String> pathNames = new ArrayList<>(p1 - p0 + 2);
            path.add(ids[seed]);
            pathNames.add(name(seed));
            for (int p = p0; p < p1; p++) {
                int node = l.pool().get(p);
                path.add(ids[node]);
                pathNames.add(name(node));
            }
            path.add(ids[c]);
            pathNames.add(name(c));
            int detail = l.details().get(e);
            return new Neighbour(ids[c], types[c], names[c], l.scores().get(e), path, pathNames, l.supports().get(e),
                    detail < 0 ? null : ids[detail]);
        }
    }

    private boolean listed(int node) {
        return computedAt[node] != 0;
    }

    /** When the seed's lists were computed (epoch ms), 0 when the store holds none. */
    public long computedAt(String seedId) {
        Integer i = index.get(seedId);
        return i == null ? 0 : computedAt[i];
    }

    /** What the store calls a node it knows (song, artist, video, mlog, user, or node), empty when it does not know it. */
    public Optional<String> type(String id) {
        Integer i = index.get(id);
        return i == null ? Optional.empty() : Optional.of(types[i]);
    }

    /** A stored song's name (as the catalog had it at the build), empty when the store does not know the song. */
    public Optional<String> name(String songId) {
        Integer song = index.get(songId);
        return song == null || !listed(song) || !"song".equals(types[song]) ? Optional.empty() : Optional.of(name(song));
    }

    private String name(int node) {
        return names[node] == null ? "?" : names[node];
    }

    /**
     * Takes every song's lists as they come, spooling each channel's columns to files in a fresh folder beside
     * {@code dir}; {@link #commit} completes the files and puts the folder in place of {@code dir}. Not thread-safe;
     * the builder adds from one thread. Closing without committing deletes what was spooled.
     */
    public static final class Writer implements AutoCloseable {
        private final Path dir;
        private final Path fresh;
        private final List<String> ids = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Spool> spools = new LinkedHashMap<>();
        private final Map<String, List<Integer>> missing = new HashMap<>();
        private final Map<Integer, Long> computedAt = new HashMap<>();
        private int songs;
        private boolean committed;
        /** One writer of a folder at a time (the service's build after an import, a command-line build). */
        private final java.nio.channels.FileLock lock;

        public Writer(Path dir, List<String> channels) throws IOException {
            this.dir = dir;
            this.fresh = dir.resolveSibling(dir.getFileName() + ".new");
            Files.createDirectories(dir.toAbsolutePath().getParent());
            FileChannel lockFile = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            java.nio.channels.FileLock held;
            try {
                held = lockFile.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                held = null;
            }
            if (held == null) {
                lockFile.close();
                throw new IllegalStateException("another build is writing " + dir + " now: wait for it to end");
            }
            this.lock = held;
            Folders.delete(fresh);
            Files.createDirectories(fresh);
            for (String c : channels) {
                spools.put(c, new Spool(fresh, c));
            }
        }

        /** A song's neighbours in each channel; a channel not given could not answer for it (the graph will). */
        public void add(String songId, String songName, Map<String, List<Neighbour>> byChannel) throws IOException {
            add(songId, songName, "song", byChannel);
        }

        /**
         * A seed's neighbours in each channel: a song's, or an artist's or a video's in the channels that start from
         * them ({@code type} as answers name it: song, artist, video, mlog).
         */
        public void add(String seedId, String seedName, String type, Map<String, List<Neighbour>> byChannel) throws IOException {
            add(seedId, seedName, type, byChannel, null);
        }

        /** As {@link #add(String, String, String, Map)}, computed at that instant (null: when the store is committed as built). */
        public void add(String seedId, String seedName, String type, Map<String, List<Neighbour>> byChannel, Instant at) throws IOException {
            for (String channel : byChannel.keySet()) {
                if (!spools.containsKey(channel)) {
                    throw new IllegalArgumentException("channel " + channel + " is not one of " + spools.keySet());
                }
            }
            int song = node(seedId, seedName, type);
            if (computedAt.containsKey(song)) {
                throw new IllegalArgumentException(seedId + " added twice");
            }
            computedAt.put(song, at == null ? 0L : at.toEpochMilli());
            songs += "song".equals(type) ? 1 : 0;
            for (Map.Entry<String, Spool> c : spools.entrySet()) {
                List<Neighbour> list = byChannel.get(c.getKey());
                if (list == null) {
                    missing.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(song);
                    continue;
                }
                Spool spool = c.getValue();
                spool.begin(song);
                for (Neighbour n : list) {
                    int[] middle = new int[n.path().size() - 2];
                    for (int i = 1; i < n.path().size() - 1; i++) {
                        middle[i - 1] = node(n.path().get(i), n.names().get(i), "node");
                    }
                    int candidate = node(n.id(), n.name(), n.type());
                    int detail = n.detail() == null ? -1 : node(n.detail(), null, "detail");
                    spool.entry(candidate, n.score(), n.support(), detail, middle);
                }
                spool.end(song);
            }
        }

        private int node(String id, String name, String type) {
            Integer i = index.get(id);
            if (i != null) {
                if (names.get(i) == null && name != null && !"?".equals(name)) {
                    names.set(i, name);
                }
                if (!"detail".equals(type) && !"node".equals(type)) {
                    types.set(i, type);
                }
                return i;
            }
            index.put(id, ids.size());
            ids.add(id);
            names.add("?".equals(name) ? null : name);
            types.add(type);
            return ids.size() - 1;
        }

        /** Completes the store and puts it in place of {@code dir}'s. */
        public void commit(Instant builtAt, String embeddingsVersion) throws IOException {
            for (Map.Entry<String, Spool> c : spools.entrySet()) {
                c.getValue().finish(fresh.resolve(c.getKey() + SUFFIX), ids.size());
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(fresh.resolve(NODES)), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeLong(builtAt.toEpochMilli());
                out.writeUTF(embeddingsVersion == null ? "" : embeddingsVersion);
                out.writeInt(songs);
                out.writeInt(ids.size());
                for (int i = 0; i < ids.size(); i++) {
                    out.writeUTF(ids.get(i));
                    out.writeBoolean(names.get(i) != null);
                    if (names.get(i) != null) {
                        out.writeUTF(names.get(i));
                    }
                    out.writeUTF(types.get(i));
                    Long at = computedAt.get(i);
                    out.writeLong(at == null ? 0 : at == 0 ? Math.max(1, builtAt.toEpochMilli()) : at);
                }
                out.writeInt(spools.size());
                for (String c : spools.keySet()) {
                    out.writeUTF(c);
                    List<Integer> without = missing.getOrDefault(c, List.of());
                    out.writeInt(without.size());
                    for (int song : without) {
                        out.writeInt(song);
                    }
                }
            }
            Path old = dir.resolveSibling(dir.getFileName() + ".old");
            Folders.delete(old);
            if (Files.exists(dir)) {
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
            Folders.delete(old);
            committed = true;
        }

        @Override
        public void close() throws IOException {
            try {
                IOException first = null;
                for (Spool s : spools.values()) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        first = first == null ? e : first;
                    }
                }
                if (!committed) {
                    Folders.delete(fresh);
                }
                if (first != null && committed) {
                    throw first;
                }
            } finally {
                lock.release();
                lock.channel().close();
            }
        }
    }

    /** One channel's columns as they are written: a file per column, joined into the channel file at the end. */
    private static final class Spool implements AutoCloseable {
        private static final String[] COLUMNS = {"candidates", "scores", "supports", "details", "starts", "pool"};
        private final Path[] files = new Path[COLUMNS.length];
        private final DataOutputStream[] out = new DataOutputStream[COLUMNS.length];
        private int[] ranges = new int[1024];
        private long entries;
        private long pool;

        Spool(Path folder, String channel) throws IOException {
            for (int i = 0; i < COLUMNS.length; i++) {
                files[i] = folder.resolve(channel + "." + COLUMNS[i] + ".spool");
                out[i] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(files[i]), 1 << 16));
            }
        }

        void begin(int song) {
            if (2 * song + 1 >= ranges.length) {
                ranges = Arrays.copyOf(ranges, Math.max(ranges.length * 2, 2 * song + 2));
            }
            ranges[2 * song] = Math.toIntExact(entries);
        }

        void entry(int candidate, double score, long support, int detail, int[] middle) throws IOException {
            out[0].writeInt(candidate);
            out[1].writeDouble(score);
            out[2].writeLong(support);
            out[3].writeInt(detail);
            out[4].writeInt(Math.toIntExact(pool));
            for (int m : middle) {
                out[5].writeInt(m);
            }
            pool += middle.length;
            entries++;
        }

        void end(int song) {
            ranges[2 * song + 1] = Math.toIntExact(entries);
        }

        void finish(Path file, int nodes) throws IOException {
            out[4].writeInt(Math.toIntExact(pool)); // where the last entry's path ends
            close();
            // each column is mapped as one buffer: none may pass 2 GiB, or the store could be written but never opened
            if (entries * 8 > Integer.MAX_VALUE || pool * 4 > Integer.MAX_VALUE || nodes * 8L > Integer.MAX_VALUE) {
                throw new IOException(file.getFileName() + ": " + entries + " neighbours and " + pool + " path nodes are more than "
                        + "one store file may map (2 GiB a column): keep fewer neighbours per song (--per-song)");
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer head = ByteBuffer.allocate(16).putInt(MAGIC).putLong(entries).putInt(Math.toIntExact(pool)).flip();
                ch.write(head);
                ByteBuffer r = ByteBuffer.allocate(nodes * 8);
                r.asIntBuffer().put(ranges, 0, Math.min(ranges.length, nodes * 2));
                ch.write(r);
                for (Path column : files) {
                    try (FileChannel in = FileChannel.open(column, StandardOpenOption.READ)) {
                        for (long at = 0; at < in.size(); ) {
                            at += in.transferTo(at, in.size() - at, ch);
                        }
                    }
                    Files.delete(column);
                }
            }
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            for (DataOutputStream o : out) { // every stream, even when one fails to flush
                try {
                    o.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /** The size of the store's files in bytes. */
    public static long bytes(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
