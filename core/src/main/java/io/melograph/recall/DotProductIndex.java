package io.melograph.recall;

import io.melograph.vectors.VectorMath;
import io.melograph.vectors.SongHit;
import io.melograph.vectors.SongIndex;
import io.melograph.vectors.SongIndexes;
import io.melograph.vectors.SongVectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Nearest songs by dot product, from a cosine index ({@link SongIndexes}). A model scores a song by its dot product with
 * an interest; each song vector gets one more dimension, {@code sqrt(M² − |v|²)} with M the largest norm (the query a 0
 * there), which makes the cosine order the dot-product order (Bachrach et al., 2014).
 */
final class DotProductIndex {
    private final SongIndex songs;
    private final float maxNorm;

    private DotProductIndex(SongIndex songs, float maxNorm) {
        this.songs = songs;
        this.maxNorm = maxNorm;
    }

    /** The index of {@code count} song vectors, loaded from {@code dir} when it holds one, else built and saved there. */
    static DotProductIndex of(IntFunction<float[]> vectors, int count, int dim, List<String> ids, Path dir) throws IOException {
        float maxNorm = 1e-6f;
        for (int s = 0; s < count; s++) {
            maxNorm = Math.max(maxNorm, norm(vectors.apply(s)));
        }
        if (dir != null && Files.isDirectory(dir)) {
            return new DotProductIndex(SongIndexes.load(dir), maxNorm);
        }
        SongVectors lifted = new SongVectors(dim + 1);
        for (int s = 0; s < count; s++) {
            lifted.put(s, ids.get(s), lift(vectors.apply(s), maxNorm));
        }
        SongIndex index = SongIndexes.build(lifted);
        if (dir != null) {
            Files.createDirectories(dir);
            index.save(dir);
        }
        return new DotProductIndex(index, maxNorm);
    }

    /**
     * Adds a song after the index was built (one added to the catalog since training). One longer than the largest
     * norm the index was built with is shortened to it, so it ranks a little lower than its dot product says.
     */
    void put(int song, String id, float[] vector) {
        float n = norm(vector);
        float[] v = vector.clone();
        for (int c = 0; n > maxNorm && c < v.length; c++) {
            v[c] *= maxNorm / n;
        }
        songs.put(song, id, lift(v, maxNorm));
    }

    private static float[] lift(float[] v, float maxNorm) {
        float[] out = Arrays.copyOf(v, v.length + 1);
        float n = norm(v);
        out[v.length] = (float) Math.sqrt(Math.max(0, maxNorm * maxNorm - n * n));
        return out;
    }

    /** The songs with the largest dot product with {@code query}, none the predicate excludes; score = the dot product. */
    List<SongHit> nearest(float[] query, int k, IntPredicate excluded) {
        float n = norm(query);
        if (n == 0) {
            return List.of();
        }
        List<SongHit> out = new ArrayList<>();
        for (SongHit h : songs.nearest(Arrays.copyOf(query, query.length + 1), k, excluded)) {
            out.add(new SongHit(h.song(), h.id(), h.score() * n * maxNorm)); // cosine back to the dot product
        }
        return out;
    }

    private static float norm(float[] v) {
        return (float) Math.sqrt(VectorMath.dot(v, v));
    }
}
