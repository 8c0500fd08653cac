package io.melograph.rank;

/**
 * Maps a feature ({@code field=value}, or a cross {@code field=value1|value2}) to one of {@code 2^bits} buckets with
 * 32-bit MurmurHash3 over the characters. Stable across JVMs and restarts, so a snapshot's weights keep meaning the
 * same features; no string is built on the scoring path.
 */
public final class FeatureHasher {
    private static final int SEED = 0x6d656c6f; // "melo"
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private final int bits;
    private final int mask;

    public FeatureHasher(int bits) {
        if (bits < 10 || bits > 26) {
            throw new IllegalArgumentException("hash bits must be within 10..26, not " + bits);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
    }

    public int bits() {
        return bits;
    }

    public int buckets() {
        return mask + 1;
    }

    /** The bucket of {@code field=value}. */
    public int index(String field, CharSequence value) {
        return hash(field, value, null) & mask;
    }

    /** The bucket of the cross {@code field=a|b}. */
    public int index(String field, CharSequence a, CharSequence b) {
        return hash(field, a, b) & mask;
    }

    /**
     * The hash state after {@code field=a|}: the crosses of one listener (or scene) with every candidate's artists and
     * genres continue from it instead of hashing the listener's id again for each.
     */
    public Prefix prefix(String field, CharSequence a) {
        Murmur m = new Murmur();
        m.add(field);
        m.add('=');
        m.add(a);
        m.add('|');
        return new Prefix(m.h, m.pending, m.units);
    }

    /** The bucket of the cross {@code field=a|b} from the prefix of {@code field=a}: the same as {@link #index(String, CharSequence, CharSequence)}. */
    public int index(Prefix prefix, CharSequence b) {
        Murmur m = new Murmur();
        m.h = prefix.h();
        m.pending = prefix.pending();
        m.units = prefix.units();
        m.add(b);
        return m.finish() & mask;
    }

    /** A hash state part-way through a feature (see {@link #prefix}). */
    public record Prefix(int h, int pending, int units) {}

    /** MurmurHash3 (x86, 32 bit) of the UTF-16 code units of {@code field '=' a ['|' b]}, two units per block. */
    static int hash(String field, CharSequence a, CharSequence b) {
        Murmur m = new Murmur();
        m.add(field);
        m.add('=');
        m.add(a);
        if (b != null) {
            m.add('|');
            m.add(b);
        }
        return m.finish();
    }

    /** Streaming state: an odd code unit waits for its partner to make a 4-byte block. */
    private static final class Murmur {
        private int h = SEED;
        private int pending = -1;
        private int units;

        void add(CharSequence s) {
            for (int i = 0; i < s.length(); i++) {
                add(s.charAt(i));
            }
        }

        void add(char c) {
            units++;
            if (pending < 0) {
                pending = c;
                return;
            }
            int k = pending | (c << 16);
            pending = -1;
            k *= C1;
            k = Integer.rotateLeft(k, 15);
            k *= C2;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }

        int finish() {
            if (pending >= 0) {
                int k = pending;
                k *= C1;
                k = Integer.rotateLeft(k, 15);
                k *= C2;
                h ^= k;
            }
            h ^= units * 2;
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            h *= 0xc2b2ae35;
            h ^= h >>> 16;
            return h;
        }
    }
}
