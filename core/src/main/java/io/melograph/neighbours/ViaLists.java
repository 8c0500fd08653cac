package io.melograph.neighbours;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;

/**
 * One hub channel's file of the {@link NeighbourStore}: per seed its {@link Via}s (hub, how many of the hub's songs,
 * score, support, path weight, detail, path prefix) and per hub its songs, each list once however many seeds reach it.
 * At a million songs this is what keeps the store small: a tag's fifty songs are not copied into the list of every
 * song with that tag. A seed's neighbours are its vias' songs, read in place ({@link #entries}).
 */
final class ViaLists {
    static final int MAGIC = 0x4D475631; // "MGV1"
    private static final int HEADER = 24;

    private final IntBuffer seedRanges, hubRanges, hubs, takes, details, prefixStarts, prefixes, songs;
    private final DoubleBuffer scores, weights;
    private final LongBuffer supports;
    /** Neighbours kept per seed when its list is told whole ({@link NeighbourStore#neighbours}), as the build was asked. */
    private final int perSeed;

    private ViaLists(FileChannel ch, int nodes, long vias, long prefixCount, long songCount, int perSeed) throws IOException {
        long[] at = {HEADER};
        this.perSeed = perSeed;
        seedRanges = NeighbourStore.column(ch, at, nodes * 8L).asIntBuffer();
        hubRanges = NeighbourStore.column(ch, at, nodes * 8L).asIntBuffer();
        hubs = NeighbourStore.column(ch, at, vias * 4).asIntBuffer();
        takes = NeighbourStore.column(ch, at, vias * 4).asIntBuffer();
        scores = NeighbourStore.column(ch, at, vias * 8).asDoubleBuffer();
        supports = NeighbourStore.column(ch, at, vias * 8).asLongBuffer();
        weights = NeighbourStore.column(ch, at, vias * 8).asDoubleBuffer();
        details = NeighbourStore.column(ch, at, vias * 4).asIntBuffer();
        prefixStarts = NeighbourStore.column(ch, at, (vias + 1) * 4).asIntBuffer();
        prefixes = NeighbourStore.column(ch, at, prefixCount * 4).asIntBuffer();
        songs = NeighbourStore.column(ch, at, songCount * 4).asIntBuffer();
    }

    static ViaLists map(Path file, int nodes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(HEADER);
            ch.read(head, 0);
            head.flip();
            if (head.remaining() < HEADER || head.getInt() != MAGIC) {
                throw new IOException(file + " is not a hub channel file (or one of an older format: build the store again)");
            }
            long vias = head.getInt() & 0xFFFFFFFFL;
            long prefixCount = head.getInt() & 0xFFFFFFFFL;
            long songCount = head.getInt() & 0xFFFFFFFFL;
            int perSeed = head.getInt();
            long expected = HEADER + nodes * 16L + vias * (4 + 4 + 8 + 8 + 8 + 4) + (vias + 1) * 4 + prefixCount * 4 + songCount * 4;
            if (ch.size() != expected) {
                throw new IOException(file + " holds " + ch.size() + " bytes, not the " + expected + " its header says (cut off?)");
            }
            return new ViaLists(ch, nodes, vias, prefixCount, songCount, perSeed);
        }
    }

    int perSeed() {
        return perSeed;
    }

    /** The seed's vias' songs as one list in place (not summed per candidate: the merge sums), the seed left out. */
    Flat entries(int seed) {
        int from = seedRanges.get(2 * seed);
        int to = seedRanges.get(2 * seed + 1);
        int size = 0;
        int[] candidates = new int[64];
        int[] viaOf = new int[64];
        for (int v = from; v < to; v++) {
            int hub = hubs.get(v);
            int take = takes.get(v);
            int look = take >>> 16;
            int cap = take & 0xFFFF;
            int s0 = hubRanges.get(2 * hub);
            int s1 = Math.min(hubRanges.get(2 * hub + 1), s0 + look);
            int taken = 0;
            for (int s = s0; s < s1 && taken < cap; s++) {
                int c = songs.get(s);
                if (c != seed) {
                    if (size == candidates.length) {
                        candidates = Arrays.copyOf(candidates, size * 2);
                        viaOf = Arrays.copyOf(viaOf, size * 2);
                    }
                    candidates[size] = c;
                    viaOf[size++] = v;
                    taken++;
                }
            }
        }
        return new Flat(seed, candidates, viaOf, size);
    }

    /** One seed's neighbours through its vias, one row per via and song. */
    final class Flat {
        final int seed;
        private final int[] candidates;
        private final int[] viaOf;
        final int size;

        private Flat(int seed, int[] candidates, int[] viaOf, int size) {
            this.seed = seed;
            this.candidates = candidates;
            this.viaOf = viaOf;
            this.size = size;
        }

        int candidate(int i) {
            return candidates[i];
        }

        double score(int i) {
            return scores.get(viaOf[i]);
        }

        long support(int i) {
            return supports.get(viaOf[i]);
        }

        double pathWeight(int i) {
            return weights.get(viaOf[i]);
        }

        int hub(int i) {
            return hubs.get(viaOf[i]);
        }

        /** The detail's node, -1 for none. */
        int detail(int i) {
            return details.get(viaOf[i]);
        }

        int[] prefix(int i) {
            int p0 = prefixStarts.get(viaOf[i]);
            int[] out = new int[prefixStarts.get(viaOf[i] + 1) - p0];
            for (int p = 0; p < out.length; p++) {
                out[p] = prefixes.get(p0 + p);
            }
            return out;
        }
    }

    /** A hub channel's columns as they are written: a file per column, joined into the channel file at the end. */
    static final class Spool implements java.io.Closeable {
        private final ColumnFiles columns;
        private int[] seedRanges = new int[1024];
        private int[] hubRanges = new int[1024];
        /** Per seed the seed whose vias it shares (filled in at the end), or -1. */
        private int[] shares = new int[512];
        private final BitSet hubsWritten = new BitSet();
        private long vias;
        private long prefixCount;
        private long songCount;

        Spool(Path folder, String channel) throws IOException {
            Arrays.fill(shares, -1);
            columns = new ColumnFiles(folder, channel, "hubs", "takes", "scores", "supports", "weights", "details", "starts", "prefixes", "songs");
        }

        void begin(int seed) {
            seedRanges = ColumnFiles.fit(seedRanges, 2 * seed + 2, 0);
            seedRanges[2 * seed] = Math.toIntExact(vias);
        }

        void via(int hub, int look, int cap, double score, long support, double weight, int detail, int[] prefix) throws IOException {
            if (look > 0xFFFF || cap > 0xFFFF) {
                throw new IllegalArgumentException("a via takes at most 65535 songs of a hub");
            }
            columns.column(0).writeInt(hub);
            columns.column(1).writeInt(look << 16 | cap);
            columns.column(2).writeDouble(score);
            columns.column(3).writeLong(support);
            columns.column(4).writeDouble(weight);
            columns.column(5).writeInt(detail);
            columns.column(6).writeInt(Math.toIntExact(prefixCount));
            for (int p : prefix) {
                columns.column(7).writeInt(p);
            }
            prefixCount += prefix.length;
            vias++;
        }

        void end(int seed) {
            seedRanges[2 * seed + 1] = Math.toIntExact(vias);
        }

        /** The seed answers with the vias of {@code other} (added before or after). */
        void share(int seed, int other) {
            shares = ColumnFiles.fit(shares, seed + 1, -1);
            shares[seed] = other;
        }

        boolean hasHub(int hub) {
            return hubsWritten.get(hub);
        }

        void hub(int hub, int[] hubSongs) throws IOException {
            hubRanges = ColumnFiles.fit(hubRanges, 2 * hub + 2, 0);
            hubRanges[2 * hub] = Math.toIntExact(songCount);
            for (int s : hubSongs) {
                columns.column(8).writeInt(s);
            }
            songCount += hubSongs.length;
            hubRanges[2 * hub + 1] = Math.toIntExact(songCount);
            hubsWritten.set(hub);
        }

        void finish(Path file, int nodes, int perSeed) throws IOException {
            columns.column(6).writeInt(Math.toIntExact(prefixCount)); // where the last via's prefix ends
            close();
            seedRanges = ColumnFiles.fit(seedRanges, 2 * nodes, 0);
            for (int s = 0; s < Math.min(shares.length, nodes); s++) {
                if (shares[s] >= 0) {
                    seedRanges[2 * s] = seedRanges[2 * shares[s]];
                    seedRanges[2 * s + 1] = seedRanges[2 * shares[s] + 1];
                }
            }
            if (vias * 8 > Integer.MAX_VALUE || songCount * 4 > Integer.MAX_VALUE || nodes * 8L > Integer.MAX_VALUE) {
                throw new IOException(file.getFileName() + ": " + vias + " vias and " + songCount + " hub songs are more than "
                        + "one store file may map (2 GiB a column)");
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer head = ByteBuffer.allocate(HEADER).putInt(MAGIC).putInt(Math.toIntExact(vias))
                        .putInt(Math.toIntExact(prefixCount)).putInt(Math.toIntExact(songCount)).putInt(perSeed).putInt(0).flip();
                ch.write(head);
                for (int[] ranges : new int[][] {seedRanges, ColumnFiles.fit(hubRanges, 2 * nodes, 0)}) {
                    ByteBuffer r = ByteBuffer.allocate(nodes * 8);
                    r.asIntBuffer().put(ranges, 0, 2 * nodes);
                    ch.write(r);
                }
                columns.appendTo(ch);
            }
        }

        @Override
        public void close() throws IOException {
            columns.close();
        }
    }
}
