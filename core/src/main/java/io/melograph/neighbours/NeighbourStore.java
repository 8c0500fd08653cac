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
 * (the song and the candidate are the path's ends). The hub channels (same artist, album, writer, tags...) keep instead
 * each seed's vias and each hub's songs once ({@link ViaLists}): at a million songs, copying a tag's songs into every
 * tagged song's list is what made the store 3.5 GB. Answering a song's neighbours reads a few array slots, no graph.
 * Written whole into a fresh folder that replaces the old one ({@link Writer}, which spools the lists to disk as they
 * come, so a million songs' lists need not fit in memory), so a reader sees an old or a new store.
 */
public final class NeighbourStore {
    static final String NODES = "nodes.bin";
    static final String SUFFIX = ".bin";
    private static final int MAGIC = 0x4D474E35; // "MGN5": hub channels kept as vias over hubs' songs ({@link ViaLists})

    /** One channel's mapped arrays. */
    private record Lists(IntBuffer ranges, IntBuffer candidates, DoubleBuffer scores, LongBuffer supports, IntBuffer details,
                         IntBuffer pathStarts, IntBuffer pool) {}

    private final String[] ids;
    private final String[] names;
    private final String[] types;
    /** Per node, when its lists were computed (epoch ms); 0 for nodes only named by lists. */
    private final long[] computedAt;
    private final Map<String, Integer> index;
    /** The nodes as a hub channel's rows name them when they are told ({@link ViaEntries}). */
    private final NeighbourRows.Nodes nodes = new NeighbourRows.Nodes() {
        @Override
        public String id(int node) {
            return ids[node];
        }

        @Override
        public String type(int node) {
            return types[node];
        }

        @Override
        public String name(int node) {
            return names[node];
        }
    };
    private final Map<String, Lists> channels;
    /** The hub channels, each seed's vias over hubs' song lists; their names are in {@link #channels} too (mapped to null). */
    private final Map<String, ViaLists> viaChannels;
    /** Per channel the songs whose list could not be computed (out of time): asked of the graph, not answered empty. */
    private final Map<String, Set<Integer>> missing;
    private final Instant builtAt;
    private final String embeddingsVersion;
    private final int songs;
    /** Lists computed since the build for some songs ({@link #withUpdates}): read before this store's own. */
    private final NeighbourStore updates;

    private NeighbourStore(String[] ids, Map<String, Integer> index, String[] names, String[] types, long[] computedAt,
                           Map<String, Lists> channels, Map<String, ViaLists> viaChannels, Map<String, Set<Integer>> missing,
                           Instant builtAt, String embeddingsVersion, int songs, NeighbourStore updates) {
        this.index = index;
        this.computedAt = computedAt;
        this.updates = updates;
        this.missing = missing;
        this.ids = ids;
        this.names = names;
        this.types = types;
        this.channels = channels;
        this.viaChannels = viaChannels;
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
            Map<String, ViaLists> viaChannels = new HashMap<>();
            Map<String, Set<Integer>> missing = new HashMap<>();
            for (int c = 0; c < channelCount; c++) {
                String channel = in.readUTF();
                if (in.readBoolean()) {
                    channels.put(channel, null);
                    viaChannels.put(channel, ViaLists.map(dir.resolve(channel + SUFFIX), n));
                } else {
                    channels.put(channel, map(dir.resolve(channel + SUFFIX), n));
                }
                Set<Integer> without = new java.util.HashSet<>();
                for (int m = in.readInt(); m > 0; m--) {
                    without.add(in.readInt());
                }
                missing.put(channel, without);
            }
            return new NeighbourStore(ids, index, names, types, computedAt, channels, viaChannels, missing, builtAt,
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

    static MappedByteBuffer column(FileChannel ch, long[] at, long bytes) throws IOException {
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
        return new NeighbourStore(ids, index, names, types, computedAt, channels, viaChannels, missing, builtAt, embeddingsVersion,
                songs, u);
    }

    /** The updates in use (see {@link #withUpdates}). */
    public Optional<NeighbourStore> updates() {
        return Optional.ofNullable(updates);
    }

    /** The songs (and artists, videos) whose lists in the channel this store holds. */
    public List<String> songsIn(String channel) {
        List<String> out = new ArrayList<>();
        for (int i = 0; channels.containsKey(channel) && i < ids.length; i++) {
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
            if (list instanceof ViaEntries v) { // rows through several hubs summed per candidate, as the channel's query sums them
                return v.summed();
            }
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
        Integer seed = index.get(seedId);
        if (!channels.containsKey(channel) || seed == null || !listed(seed) || missing.get(channel).contains(seed)) {
            return Optional.empty();
        }
        ViaLists v = viaChannels.get(channel);
        if (v != null) {
            return Optional.of(new ViaEntries(v, v.entries(seed)));
        }
        Lists l = channels.get(channel);
        return Optional.of(new ListEntries(l, seed, l.ranges().get(2 * seed), l.ranges().get(2 * seed + 1)));
    }

    /** One seed's neighbours in one channel, read in place: what a merge of many seeds' lists reads. */
    public interface Entries {
        int size();

        /** The candidate's id. */
        String id(int i);

        double score(int i);

        long support(int i);

        /** The entry in full: candidate, score, path with names, support, detail. */
        Neighbour neighbour(int i);
    }

    /** A hub channel's rows for one seed: one per via and song (a candidate reached through two hubs is in twice). */
    private final class ViaEntries implements Entries {
        private final ViaLists lists;
        private final ViaLists.Flat flat;

        private ViaEntries(ViaLists lists, ViaLists.Flat flat) {
            this.lists = lists;
            this.flat = flat;
        }

        @Override
        public int size() {
            return flat.size;
        }

        @Override
        public String id(int i) {
            return ids[flat.candidate(i)];
        }

        @Override
        public double score(int i) {
            return flat.score(i);
        }

        @Override
        public long support(int i) {
            return flat.support(i);
        }

        @Override
        public Neighbour neighbour(int i) {
            NeighbourRows one = new NeighbourRows(nodes);
            add(one, i);
            return one.best(flat.seed, 1).get(0);
        }

        /** The rows summed per candidate, best first, as many as the build kept per seed. */
        List<Neighbour> summed() {
            NeighbourRows rows = new NeighbourRows(nodes);
            for (int i = 0; i < flat.size; i++) {
                add(rows, i);
            }
            return rows.best(flat.seed, lists.perSeed());
        }

        private void add(NeighbourRows rows, int i) {
            int detail = flat.detail(i);
            rows.add(flat.candidate(i), flat.score(i), flat.support(i), flat.pathWeight(i), flat.prefix(i), flat.hub(i),
                    detail < 0 ? null : ids[detail]);
        }
    }

    /** One seed's list in one channel, in place in the mapped arrays, best first. */
    private final class ListEntries implements Entries {
        private final Lists l;
        private final int seed;
        private final int from;
        private final int to;

        private ListEntries(Lists l, int seed, int from, int to) {
            this.l = l;
            this.seed = seed;
            this.from = from;
            this.to = to;
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        public String id(int i) {
            return ids[l.candidates().get(from + i)];
        }

        @Override
        public double score(int i) {
            return l.scores().get(from + i);
        }

        @Override
        public long support(int i) {
            return l.supports().get(from + i);
        }

        @Override
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
        /** The hub channels' spools, when the lists come from a catalog ({@link #add(int, Map)}). */
        private final Map<String, ViaLists.Spool> viaSpools = new LinkedHashMap<>();
        private final CatalogChannels catalog;
        private final int perSeed;
        private final Map<String, List<Integer>> missing = new HashMap<>();
        private final Map<Integer, Long> computedAt = new HashMap<>();
        private int songs;
        private boolean committed;
        /** One writer of a folder at a time (the service's build after an import, a command-line build). */
        private final java.nio.channels.FileLock lock;

        public Writer(Path dir, List<String> channels) throws IOException {
            this(dir, channels, null, 0);
        }

        /**
         * A writer whose hub channels ({@link CatalogChannels#HUBS}) are read from the catalog as vias over hubs' songs
         * ({@link #add(int, Map)}), a seed's list told whole holding at most {@code perSeed}; the other channels' lists
         * are given. Without a catalog every channel's lists are given.
         */
        public Writer(Path dir, List<String> channels, CatalogChannels catalog, int perSeed) throws IOException {
            this.dir = dir;
            this.catalog = catalog;
            this.perSeed = perSeed;
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
                if (catalog != null && CatalogChannels.HUBS.contains(c)) {
                    viaSpools.put(c, new ViaLists.Spool(fresh, c));
                } else {
                    spools.put(c, new Spool(fresh, c));
                }
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
            given(byChannel);
            int song = seed(seedId, seedName, type, at);
            lists(song, byChannel);
            viaSpools.keySet().forEach(c -> missing(c, song));
        }

        /**
         * A catalog seed (song, artist, video, MLOG): its vias in the hub channels read from the catalog, its lists in
         * the other channels as given (a channel not given could not answer for it). Returns how many vias it wrote.
         */
        public int add(int seed, Map<String, List<Neighbour>> byChannel) throws IOException {
            given(byChannel);
            CatalogGraph g = catalog.graph();
            int node = seed(g.id(seed), g.name(seed), g.type(seed), null);
            lists(node, byChannel);
            int written = 0;
            for (Map.Entry<String, ViaLists.Spool> c : viaSpools.entrySet()) {
                String channel = c.getKey();
                ViaLists.Spool spool = c.getValue();
                if (!catalog.startsFrom(channel, seed)) {
                    missing(channel, node);
                    continue;
                }
                int shared = catalog.sharesVias(channel, seed);
                if (shared != seed) {
                    spool.share(node, node(g, shared, g.type(shared)));
                    continue;
                }
                spool.begin(node);
                for (Via v : catalog.vias(channel, seed)) {
                    int hub = node(g, v.hub(), "node");
                    if (!spool.hasHub(hub)) {
                        int[] hubSongs = catalog.hubSongs(channel, v.hub());
                        int[] stored = new int[hubSongs.length];
                        for (int i = 0; i < hubSongs.length; i++) {
                            stored[i] = node(g, hubSongs[i], g.type(hubSongs[i]));
                        }
                        spool.hub(hub, stored);
                    }
                    int[] prefix = new int[v.prefix().length];
                    for (int i = 0; i < prefix.length; i++) {
                        prefix[i] = node(g, v.prefix()[i], "node");
                    }
                    int detail = v.detail() == null ? -1 : node(v.detail(), null, "detail");
                    spool.via(hub, v.look(), v.cap(), v.score(), v.support(), v.pathWeight(), detail, prefix);
                    written++;
                }
                spool.end(node);
            }
            return written;
        }

        /** The store's node for a node of the catalog. */
        private int node(CatalogGraph g, int catalogNode, String type) {
            return node(g.id(catalogNode), g.name(catalogNode), type);
        }

        private void missing(String channel, int seed) {
            missing.computeIfAbsent(channel, k -> new ArrayList<>()).add(seed);
        }

        private void given(Map<String, List<Neighbour>> byChannel) {
            for (String channel : byChannel.keySet()) {
                if (!spools.containsKey(channel)) {
                    throw new IllegalArgumentException("channel " + channel + " is not one of " + spools.keySet());
                }
            }
        }

        /** Registers a seed added once, computed at that instant (null: when the store is committed). */
        private int seed(String seedId, String seedName, String type, Instant at) {
            int song = node(seedId, seedName, type);
            if (computedAt.containsKey(song)) {
                throw new IllegalArgumentException(seedId + " added twice");
            }
            computedAt.put(song, at == null ? 0L : at.toEpochMilli());
            songs += "song".equals(type) ? 1 : 0;
            return song;
        }

        private void lists(int song, Map<String, List<Neighbour>> byChannel) throws IOException {
            for (Map.Entry<String, Spool> c : spools.entrySet()) {
                List<Neighbour> list = byChannel.get(c.getKey());
                if (list == null) {
                    missing(c.getKey(), song);
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
            for (Map.Entry<String, ViaLists.Spool> c : viaSpools.entrySet()) {
                c.getValue().finish(fresh.resolve(c.getKey() + SUFFIX), ids.size(), perSeed);
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
                out.writeInt(spools.size() + viaSpools.size());
                List<String> all = new ArrayList<>(spools.keySet());
                all.addAll(viaSpools.keySet());
                for (String c : all) {
                    out.writeUTF(c);
                    out.writeBoolean(viaSpools.containsKey(c));
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
                List<java.io.Closeable> open = new ArrayList<>(spools.values());
                open.addAll(viaSpools.values());
                for (java.io.Closeable s : open) {
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
    private static final class Spool implements java.io.Closeable {
        private final ColumnFiles columns;
        private int[] ranges = new int[1024];
        private long entries;
        private long pool;

        Spool(Path folder, String channel) throws IOException {
            columns = new ColumnFiles(folder, channel, "candidates", "scores", "supports", "details", "starts", "pool");
        }

        void begin(int song) {
            ranges = ColumnFiles.fit(ranges, 2 * song + 2, 0);
            ranges[2 * song] = Math.toIntExact(entries);
        }

        void entry(int candidate, double score, long support, int detail, int[] middle) throws IOException {
            columns.column(0).writeInt(candidate);
            columns.column(1).writeDouble(score);
            columns.column(2).writeLong(support);
            columns.column(3).writeInt(detail);
            columns.column(4).writeInt(Math.toIntExact(pool));
            for (int m : middle) {
                columns.column(5).writeInt(m);
            }
            pool += middle.length;
            entries++;
        }

        void end(int song) {
            ranges[2 * song + 1] = Math.toIntExact(entries);
        }

        void finish(Path file, int nodes) throws IOException {
            columns.column(4).writeInt(Math.toIntExact(pool)); // where the last entry's path ends
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
                columns.appendTo(ch);
            }
        }

        @Override
        public void close() throws IOException {
            columns.close();
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
