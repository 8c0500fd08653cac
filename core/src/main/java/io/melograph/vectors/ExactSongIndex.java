package io.melograph.vectors;

import io.melograph.util.TopK;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Every song scored against the query: the reference the approximate indexes are measured against, and the index of
 * a catalog small enough that a scan is as fast as a graph search.
 */
public final class ExactSongIndex implements SongIndex {
    static final String FILE = "exact.vectors";
    private static final String KIND = "exact";

    private final SongVectors songs;

    public ExactSongIndex(SongVectors songs) {
        this.songs = songs;
    }

    public static ExactSongIndex load(Path dir) throws IOException {
        return new ExactSongIndex(IndexFile.read(dir.resolve(FILE), KIND, SongVectors::read));
    }

    @Override
    public void put(int song, String id, float[] vector) {
        songs.put(song, id, vector);
    }

    @Override
    public List<SongHit> nearest(float[] query, int k, IntPredicate excluded) {
        float[] q = SongVectors.normalised(query, songs.dimensions());
        TopK top = new TopK(k);
        int upper = songs.upperBound();
        for (int song = 0; song < upper; song++) {
            float[] v = songs.vector(song);
            if (v != null && !excluded.test(song)) {
                top.offer(song, VectorMath.dot(q, v));
            }
        }
        List<SongHit> hits = new ArrayList<>(k);
        for (int song : top.items()) {
            hits.add(songs.hit(song, q));
        }
        return hits;
    }

    @Override
    public int size() {
        return songs.size();
    }

    @Override
    public int dimensions() {
        return songs.dimensions();
    }

    @Override
    public void save(Path dir) throws IOException {
        IndexFile.write(dir.resolve(FILE), KIND, songs::write);
    }
}
