package io.melograph.vectors;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Normalised song vectors and ids by song index, growing as songs arrive: what the exact and JVector indexes score
 * with. Writes are serialised; a reader never sees a song before its vector (the arrays are published after the slot).
 */
public final class SongVectors {
    private final int dimensions;
    private volatile float[][] vectors = new float[1024][];
    private volatile String[] ids = new String[1024];
    private int size;
    private volatile int upperBound;

    public SongVectors(int dimensions) {
        if (dimensions <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + dimensions);
        }
        this.dimensions = dimensions;
    }

    /** Stores a normalised copy of {@code vector}; true when the song is new. */
    public boolean put(int song, String id, float[] vector) {
        return store(song, id, normalised(vector, dimensions));
    }

    /** Keeps {@code unit} as it is: read back from a file, normalising again would move its last bits. */
    private synchronized boolean store(int song, String id, float[] unit) {
        if (song < 0) {
            throw new IllegalArgumentException("song index must not be negative: " + song);
        }
        if (song >= vectors.length) {
            int grown = Math.max(song + 1, vectors.length * 2);
            ids = Arrays.copyOf(ids, grown);
            vectors = Arrays.copyOf(vectors, grown);
        }
        boolean added = vectors[song] == null;
        ids[song] = id;
        vectors[song] = unit;
        size += added ? 1 : 0;
        upperBound = Math.max(upperBound, song + 1);
        return added;
    }

    /** The song's normalised vector, null when it has none. */
    public float[] vector(int song) {
        float[][] v = vectors;
        return song < v.length ? v[song] : null;
    }

    public String id(int song) {
        return ids[song];
    }

    /** The song as an answer to {@code unitQuery} (normalised): its cosine recomputed from the stored vector. */
    public SongHit hit(int song, float[] unitQuery) {
        return new SongHit(song, id(song), VectorMath.dot(unitQuery, vector(song)));
    }

    /** A separate store with the same songs (the vectors, never changed in place, are shared). */
    public synchronized SongVectors copy() {
        SongVectors copy = new SongVectors(dimensions);
        for (int song = 0; song < upperBound; song++) {
            if (vectors[song] != null) {
                copy.store(song, ids[song], vectors[song]);
            }
        }
        return copy;
    }

    public boolean contains(int song) {
        return vector(song) != null;
    }

    public synchronized int size() {
        return size;
    }

    /** One more than the highest song index stored. */
    public int upperBound() {
        return upperBound;
    }

    public int dimensions() {
        return dimensions;
    }

    /** A unit-length copy (all zeros stays all zeros); a vector of the wrong length is refused. */
    public static float[] normalised(float[] vector, int dimensions) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions, the index " + dimensions);
        }
        double norm = 0;
        for (float x : vector) {
            norm += x * (double) x;
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        float[] unit = new float[vector.length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }

    synchronized void write(DataOutputStream out) throws IOException {
        out.writeInt(dimensions);
        out.writeInt(size);
        for (int song = 0; song < upperBound; song++) {
            if (vectors[song] != null) {
                out.writeInt(song);
                out.writeUTF(ids[song]);
                for (float x : vectors[song]) {
                    out.writeFloat(x);
                }
            }
        }
    }

    static SongVectors read(DataInputStream in) throws IOException {
        SongVectors songs = new SongVectors(in.readInt());
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            int song = in.readInt();
            String id = in.readUTF();
            float[] vector = new float[songs.dimensions];
            for (int d = 0; d < vector.length; d++) {
                vector[d] = in.readFloat();
            }
            songs.store(song, id, vector);
        }
        return songs;
    }
}
