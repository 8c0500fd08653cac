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
 * {@code <channel>.bin} per channel of primitive arrays, memory-mapped: per node an offset into the entries; per entry
 * the candidate's node, its score, support, detail and where the middle of its path starts in a pool of node indexes
 * (the song and the candidate are the path's ends). Answering a song's neighbours reads a few array slots, no graph.
 * Written whole into a fresh folder that replaces the old one ({@link Writer}), so a reader sees an old or a new store.
 */
public final class NeighbourStore {
    static final String NODES = "nodes.bin";
    static final String SUFFIX = ".bin";
    private static final int MAGIC = 0x4D474E42; // "MGNB"

    /** One channel's mapped arrays. */
    private record Lists(IntBuffer offsets, IntBuffer candidates, DoubleBuffer scores, LongBuffer supports, IntBuffer details,
                         IntBuffer pathStarts, IntBuffer pool) {}

    private final String[] ids;
    private final String[] names;
    private final String[] types;
    private final Map<String, Integer> index;
    private final Map<String, Lists> channels;
    /** Per channel the songs whose list could not be computed (out of time): asked of the graph, not answered empty. */
    private final Map<String, Set<Integer>> missing;
    private final Instant builtAt;
    private final String embeddingsVersion;
    private final int songs;

    private NeighbourStore(String[] ids, String[] names, String[] types, Map<String, Lists> channels, Map<String, Set<Integer>> missing,
                           Instant builtAt, String embeddingsVersion, int songs) {
        this.missing = missing;
        this.ids = ids;
        this.names = names;
        this.types = types;
        this.channels = channels;
        this.builtAt = builtAt;
        this.embeddingsVersion = embeddingsVersion;
        this.songs = songs;
        this.index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
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
            String[] names = new String[n];
            String[] types = new String[n];
            for (int i = 0; i < n; i++) {
                ids[i] = in.readUTF();
                names[i] = in.readBoolean() ? in.readUTF() : null;
                types[i] = in.readUTF();
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
            return new NeighbourStore(ids, names, types, channels, missing, builtAt, embeddingsVersion.isEmpty() ? null : embeddingsVersion,
                    songs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the neighbour store in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Lists map(Path file, int nodes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()); // stays mapped after the channel closes
            if (b.getInt() != MAGIC) {
                throw new IOException(file + " is not a neighbour list file");
            }
            int entries = b.getInt();
            int pool = b.getInt();
            long expected = fileBytes(nodes, entries, pool);
            if (ch.size() != expected) {
                throw new IOException(file + " holds " + ch.size() + " bytes, not the " + expected + " its header says (cut off?)");
            }
            IntBuffer offsets = slice(b, (nodes + 1) * 4).asIntBuffer();
            IntBuffer candidates = slice(b, entries * 4).asIntBuffer();
            DoubleBuffer scores = slice(b, entries * 8).asDoubleBuffer();
            LongBuffer supports = slice(b, entries * 8).asLongBuffer();
            IntBuffer details = slice(b, entries * 4).asIntBuffer();
            IntBuffer pathStarts = slice(b, (entries + 1) * 4).asIntBuffer();
            IntBuffer poolBuf = slice(b, pool * 4).asIntBuffer();
            return new Lists(offsets, candidates, scores, supports, details, pathStarts, poolBuf);
        }
    }

    /** A channel file's size: header, offsets per node, per entry candidate, score, support, detail, path start; the pool. */
    static long fileBytes(int nodes, int entries, int pool) {
        return 12L + (nodes + 1L) * 4 + entries * (4L + 8 + 8 + 4) + (entries + 1L) * 4 + pool * 4L;
    }

    private static ByteBuffer slice(ByteBuffer b, int bytes) {
        ByteBuffer s = b.slice(b.position(), bytes);
        b.position(b.position() + bytes);
        return s;
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
    public Optional<List<Neighbour>> neighbours(String channel, String songId) {
        Lists l = channels.get(channel);
        Integer song = index.get(songId);
        if (l == null || song == null || !"song".equals(types[song]) || missing.get(channel).contains(song)) {
            return Optional.empty();
        }
        int from = l.offsets().get(song);
        int to = l.offsets().get(song + 1);
        List<Neighbour> out = new ArrayList<>(to - from);
        for (int e = from; e < to; e++) {
            int c = l.candidates().get(e);
            int p0 = l.pathStarts().get(e);
            int p1 = l.pathStarts().get(e + 1);
            List<String> path = new ArrayList<>(p1 - p0 + 2);
            List<String> pathNames = new ArrayList<>(p1 - p0 + 2);
            path.add(ids[song]);
            pathNames.add(name(song));
            for (int p = p0; p < p1; p++) {
                int node = l.pool().get(p);
                path.add(ids[node]);
                pathNames.add(name(node));
            }
            path.add(ids[c]);
            pathNames.add(name(c));
            int detail = l.details().get(e);
            out.add(new Neighbour(ids[c], types[c], names[c], l.scores().get(e), path, pathNames, l.supports().get(e),
                    detail < 0 ? null : ids[detail]));
        }
        return Optional.of(out);
    }

    /** A stored song's name (as the catalog had it at the build), empty when the store does not know the song. */
    public Optional<String> name(String songId) {
        Integer song = index.get(songId);
        return song == null || !"song".equals(types[song]) ? Optional.empty() : Optional.of(name(song));
    }

    private String name(int node) {
        return names[node] == null ? "?" : names[node];
    }

    /**
     * Collects every song's lists, then writes the store: into a fresh folder next to {@code dir}, which then
     * replaces it. Not thread-safe; the builder adds from one thread.
     */
    public static final class Writer {
        private final List<String> ids = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Map<Integer, List<Neighbour>>> lists = new LinkedHashMap<>();
        private final Map<String, List<Integer>> missing = new HashMap<>();
        private int songs;

        public Writer(List<String> channels) {
            channels.forEach(c -> lists.put(c, new HashMap<>()));
        }

        /** A song's neighbours in each channel; a channel not given could not answer for it (the graph will). */
        public void add(String songId, String songName, Map<String, List<Neighbour>> byChannel) {
            int song = node(songId, songName, "song");
            songs++;
            for (String channel : lists.keySet()) {
                if (!byChannel.containsKey(channel)) {
                    missing.computeIfAbsent(channel, c -> new ArrayList<>()).add(song);
                }
            }
            for (Map.Entry<String, List<Neighbour>> e : byChannel.entrySet()) {
                Map<Integer, List<Neighbour>> channel = lists.get(e.getKey());
                if (channel == null) {
                    throw new IllegalArgumentException("channel " + e.getKey() + " is not one of " + lists.keySet());
                }
                for (Neighbour n : e.getValue()) {
                    for (int i = 1; i < n.path().size() - 1; i++) {
                        node(n.path().get(i), n.names().get(i), "node");
                    }
                    node(n.id(), n.name(), n.type());
                    if (n.detail() != null) {
                        node(n.detail(), null, "detail");
                    }
                }
                channel.put(song, List.copyOf(e.getValue()));
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

        /** Writes the store and puts it in place of {@code dir}'s. */
        public void writeTo(Path dir, Instant builtAt, String embeddingsVersion) throws IOException {
            Path fresh = dir.resolveSibling(dir.getFileName() + ".new");
            Folders.delete(fresh);
            Files.createDirectories(fresh);
            for (Map.Entry<String, Map<Integer, List<Neighbour>>> c : lists.entrySet()) {
                writeChannel(fresh.resolve(c.getKey() + SUFFIX), c.getValue());
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
                }
                out.writeInt(lists.size());
                for (String c : lists.keySet()) {
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
        }

        private void writeChannel(Path file, Map<Integer, List<Neighbour>> bySong) throws IOException {
            int nodes = ids.size();
            int entries = bySong.values().stream().mapToInt(List::size).sum();
            int pool = bySong.values().stream().flatMap(List::stream).mapToInt(n -> n.path().size() - 2).sum();
            long size = fileBytes(nodes, entries, pool);
            if (size > Integer.MAX_VALUE - 64) { // one buffer per channel file for now
                throw new IOException(file.getFileName() + " would hold " + size + " bytes: more than one channel file may (2 GiB)");
            }
            ByteBuffer b = ByteBuffer.allocate((int) size);
            b.putInt(MAGIC).putInt(entries).putInt(pool);
            int[] offsets = new int[nodes + 1];
            List<Neighbour> ordered = new ArrayList<>(entries);
            for (int node = 0; node < nodes; node++) {
                offsets[node] = ordered.size();
                ordered.addAll(bySong.getOrDefault(node, List.of()));
            }
            offsets[nodes] = ordered.size();
            Arrays.stream(offsets).forEach(b::putInt);
            ordered.forEach(n -> b.putInt(index.get(n.id())));
            ordered.forEach(n -> b.putDouble(n.score()));
            ordered.forEach(n -> b.putLong(n.support()));
            ordered.forEach(n -> b.putInt(n.detail() == null ? -1 : index.get(n.detail())));
            int start = 0;
            for (Neighbour n : ordered) {
                b.putInt(start);
                start += n.path().size() - 2;
            }
            b.putInt(start);
            ordered.forEach(n -> n.path().subList(1, n.path().size() - 1).forEach(id -> b.putInt(index.get(id))));
            Files.write(file, b.array());
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
