package io.melograph.events;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Event ids in memory, for dropping duplicates: those of the journal's open segment (the closed ones' are in its
 * {@link IdIndex} on disk) and those remembered from downstream. Kept as 128-bit MurmurHash3 digests in an
 * open-addressing table (16 bytes an id instead of a String); two different ids colliding on 128 bits is not a
 * practical concern. Not thread-safe: its journal guards it with its monitor ({@link #removeAll} takes it itself).
 */
final class EventIdSet {
    private static final int MIN_CAPACITY = 1 << 16;
    /** Deletions made under one hold of the monitor in {@link #removeAll}. */
    static final int PIECE = 50_000;
    private long[] hi = new long[MIN_CAPACITY];
    private long[] lo = new long[MIN_CAPACITY];
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
        return contains(hash(id));
    }

    /** Whether the id of this {@link #hash} is here. */
    boolean contains(long[] h) {
        int mask = hi.length - 1;
        for (int i = home(h[0], mask); ; i = (i + 1) & mask) {
            if (hi[i] == 0 && lo[i] == 0) {
                return false;
            }
            if (hi[i] == h[0] && lo[i] == h[1]) {
                return true;
            }
        }
    }

    void remove(String id) {
        long[] h = hash(id);
        delete(h[0], h[1]);
    }

    /**
     * Removes these digests: the ids just written to an index on disk. Each is deleted where it is (a backward shift
     * keeps every other id on its probe path), a few probes each rather than a search of them for every id held; once
     * mostly empty the table is made smaller, so memory shrinks back to what stays. Holds the set's monitor, which the
     * journals' appends take, {@value #PIECE} deletions at a time (a few ms), not for a whole million (~150 ms).
     */
    void removeAll(long[][] digests) {
        for (int from = 0; from < digests.length; from += PIECE) {
            synchronized (this) {
                for (int k = from; k < Math.min(digests.length, from + PIECE); k++) {
                    delete(digests[k][0], digests[k][1]);
                }
            }
        }
        synchronized (this) {
            if (hi.length > MIN_CAPACITY && size * 8L < hi.length) {
                resize(capacityFor(size));
            }
        }
    }

    private static int capacityFor(int size) {
        int capacity = MIN_CAPACITY;
        while (capacity < 2L * size + 2) {
            capacity <<= 1;
        }
        return capacity;
    }

    private static int home(long h1, int mask) {
        return (int) (h1 ^ (h1 >>> 32)) & mask;
    }

    /** Linear probing's deletion: the ids after the hole that may move into it do, so no lookup stops early. */
    private void delete(long h1, long h2) {
        if (h1 == 0 && h2 == 0) {
            h2 = 1; // as insert stores it
        }
        int mask = hi.length - 1;
        int hole = home(h1, mask);
        while (hi[hole] != h1 || lo[hole] != h2) {
            if (hi[hole] == 0 && lo[hole] == 0) {
                return; // not here
            }
            hole = (hole + 1) & mask;
        }
        for (int j = (hole + 1) & mask; hi[j] != 0 || lo[j] != 0; j = (j + 1) & mask) {
            int k = home(hi[j], mask);
            // the id at j stays unless its home is outside (hole, j]: then a lookup of it passes the hole
            boolean stays = hole <= j ? hole < k && k <= j : hole < k || k <= j;
            if (!stays) {
                hi[hole] = hi[j];
                lo[hole] = lo[j];
                hole = j;
            }
        }
        hi[hole] = 0;
        lo[hole] = 0;
        size--;
    }

    private boolean insert(long h1, long h2) {
        if (h1 == 0 && h2 == 0) {
            h2 = 1; // (0, 0) marks an empty slot
        }
        int mask = hi.length - 1;
        for (int i = home(h1, mask); ; i = (i + 1) & mask) {
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
        resize(hi.length * 2);
    }

    private void resize(int capacity) {
        long[] oldHi = hi;
        long[] oldLo = lo;
        hi = new long[capacity];
        lo = new long[capacity];
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
