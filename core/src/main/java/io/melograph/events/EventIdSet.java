package io.melograph.events;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Event ids in memory, for dropping duplicates: those of the journal's open segment (the closed ones' are in its
 * {@link IdIndex} on disk) and those remembered from downstream. Kept as 128-bit MurmurHash3 digests in an
 * open-addressing table (16 bytes an id instead of a String); two different ids colliding on 128 bits is not a
 * practical concern. Not thread-safe: the journal writer owns it.
 */
final class EventIdSet {
    private long[] hi = new long[1 << 16];
    private long[] lo = new long[1 << 16];
    private int size;

    int size() {
        return size;
    }

    /** Adds the id; false when it was already there. */
    boolean add(String id) {
        return add(hash(id));
    }

    /** Adds an id by its {@link #hash}; false when it was already there. */
    boolean add(long[] h) {
        if (size * 2 >= hi.length) {
            grow();
        }
        return insert(h[0], h[1]);
    }

    boolean contains(String id) {
        long[] h = hash(id);
        int mask = hi.length - 1;
        for (int i = (int) (h[0] ^ (h[0] >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (hi[i] == 0 && lo[i] == 0) {
                return false;
            }
            if (hi[i] == h[0] && lo[i] == h[1]) {
                return true;
            }
        }
    }

    void remove(String id) {
        // only used to undo an append that failed (rare)
        long[] h = hash(id);
        removeAll(new long[][] {h});
    }

    /**
     * Removes these digests (sorted with {@link IdIndex#compare}): the ids of segments just indexed on disk. Rebuilds
     * the table, sized for what stays, so memory shrinks back to the open segment's ids.
     */
    void removeAll(long[][] sorted) {
        long[] oldHi = hi;
        long[] oldLo = lo;
        int capacity = 1 << 16;
        while (capacity < 2 * Math.max(0, size - sorted.length) + 2) {
            capacity <<= 1;
        }
        hi = new long[capacity];
        lo = new long[capacity];
        size = 0;
        for (int i = 0; i < oldHi.length; i++) {
            if ((oldHi[i] != 0 || oldLo[i] != 0) && !in(sorted, oldHi[i], oldLo[i])) {
                insert(oldHi[i], oldLo[i]);
            }
        }
    }

    private static boolean in(long[][] sorted, long h1, long h2) {
        return IdIndex.containsSorted(sorted.length, i -> sorted[(int) i][0], i -> sorted[(int) i][1], h1, h2);
    }

    private boolean insert(long h1, long h2) {
        if (h1 == 0 && h2 == 0) {
            h2 = 1; // (0, 0) marks an empty slot
        }
        int mask = hi.length - 1;
        for (int i = (int) (h1 ^ (h1 >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (hi[i] == 0 && lo[i] == 0) {
                hi[i] = h1;
                lo[i] = h2;
                size++;
                return true;
            }
            if (hi[i] == h1 && lo[i] == h2) {
                return false;
            }
        }
    }

    private void grow() {
        long[] oldHi = hi;
        long[] oldLo = lo;
        hi = new long[oldHi.length * 2];
        lo = new long[oldLo.length * 2];
        size = 0;
        for (int i = 0; i < oldHi.length; i++) {
            if (oldHi[i] != 0 || oldLo[i] != 0) {
                insert(oldHi[i], oldLo[i]);
            }
        }
    }

    /** MurmurHash3 x64 128 of the UTF-8 bytes, seed 0 (Austin Appleby, public domain algorithm). */
    static long[] hash(String s) {
        byte[] data = s.getBytes(StandardCharsets.UTF_8);
        return hash(data, 0, data.length);
    }

    /** The same digest of {@code length} UTF-8 bytes of {@code bytes} from {@code offset}. */
    static long[] hash(byte[] bytes, int offset, int length) {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        long h1 = 0;
        long h2 = 0;
        final long c1 = 0x87c37b91114253d5L;
        final long c2 = 0x4cf5ad432745937fL;
        int blocks = length / 16;
        for (int i = 0; i < blocks; i++) {
            long k1 = b.getLong(i * 16);
            long k2 = b.getLong(i * 16 + 8);
            k1 *= c1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= c2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= c2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= c1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        long k1 = 0;
        long k2 = 0;
        int tail = blocks * 16;
        for (int i = length - 1; i >= tail; i--) {
            int shift = 8 * ((i - tail) % 8);
            if (i - tail >= 8) {
                k2 ^= (bytes[offset + i] & 0xffL) << shift;
            } else {
                k1 ^= (bytes[offset + i] & 0xffL) << shift;
            }
        }
        if (k2 != 0) {
            k2 *= c2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= c1;
            h2 ^= k2;
        }
        if (k1 != 0) {
            k1 *= c1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= c2;
            h1 ^= k1;
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return new long[] {h1, h2};
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
